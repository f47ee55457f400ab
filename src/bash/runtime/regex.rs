//! POSIX extended regular expressions for `[[ string =~ regex ]]`, as bash
//! gets them from the C library: the leftmost match, the longest one
//! there, and its groups in BASH_REMATCH. Characters are Unicode scalar
//! values (a UTF-8 locale).

use super::pattern::class_has;
use super::{Abort, Shell};

#[derive(Debug, Clone)]
enum Node {
    Char(char),
    Any,
    Class(bool, Vec<(char, char)>, Vec<String>),
    Start,
    End,
    Group(Box<Node>, usize),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, usize, Option<usize>),
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    groups: usize,
}

impl Parser<'_> {
    fn alternation(&mut self) -> Result<Node, String> {
        let mut options = vec![self.concat()?];
        while self.chars.get(self.at) == Some(&'|') {
            self.at += 1;
            options.push(self.concat()?);
        }
        Ok(if options.len() == 1 {
            options.remove(0)
        } else {
            Node::Alt(options)
        })
    }

    fn concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(&c) = self.chars.get(self.at) {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn quantified(&mut self, mut atom: Node) -> Result<Node, String> {
        loop {
            let (min, max) = match self.chars.get(self.at) {
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('?') => (0, Some(1)),
                Some('{') => match self.bounds() {
                    Some(b) => b,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if !matches!(self.chars.get(self.at), Some('{')) {
                self.at += 1;
            }
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    /// `{m}`, `{m,}`, `{m,n}` at `self.at`; consumes it.
    fn bounds(&mut self) -> Option<(usize, Option<usize>)> {
        let rest: String = self.chars[self.at..].iter().collect();
        let close = rest.find('}')?;
        let inside = &rest[1..close];
        let (min, max) = match inside.split_once(',') {
            None => {
                let n = inside.parse().ok()?;
                (n, Some(n))
            }
            Some((a, "")) => (a.parse().ok()?, None),
            Some((a, b)) => (a.parse().ok()?, Some(b.parse().ok()?)),
        };
        self.at += rest[..=close].chars().count();
        Some((min, max))
    }

    fn atom(&mut self) -> Result<Node, String> {
        let c = self.chars[self.at];
        self.at += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '(' => {
                self.groups += 1;
                let index = self.groups;
                let inner = self.alternation()?;
                if self.chars.get(self.at) != Some(&')') {
                    return Err("parentheses not balanced".into());
                }
                self.at += 1;
                Node::Group(Box::new(inner), index)
            }
            '[' => self.bracket()?,
            '\\' => match self.chars.get(self.at) {
                Some(&e) => {
                    self.at += 1;
                    Node::Char(e)
                }
                None => return Err("trailing backslash".into()),
            },
            '*' | '+' | '?' => return Err("repetition-operator operand invalid".into()),
            other => Node::Char(other),
        })
    }

    fn bracket(&mut self) -> Result<Node, String> {
        let negated = self.chars.get(self.at) == Some(&'^');
        if negated {
            self.at += 1;
        }
        let (mut ranges, mut classes) = (Vec::new(), Vec::new());
        let mut first = true;
        loop {
            let Some(&c) = self.chars.get(self.at) else {
                return Err("brackets ([ ]) not balanced".into());
            };
            if c == ']' && !first {
                self.at += 1;
                return Ok(Node::Class(negated, ranges, classes));
            }
            first = false;
            if c == '[' && self.chars.get(self.at + 1) == Some(&':') {
                let rest: String = self.chars[self.at + 2..].iter().collect();
                if let Some(end) = rest.find(":]") {
                    classes.push(rest[..end].to_string());
                    self.at += 2 + rest[..end].chars().count() + 2;
                    continue;
                }
            }
            self.at += 1;
            if self.chars.get(self.at) == Some(&'-')
                && self.chars.get(self.at + 1).is_some_and(|&n| n != ']')
            {
                let hi = self.chars[self.at + 1];
                self.at += 2;
                ranges.push((c, hi));
            } else {
                ranges.push((c, c));
            }
        }
    }
}

type Captures = Vec<Option<(usize, usize)>>;

/// What is left to match after a node: the rest of a sequence, the end of a
/// group, another round of a repetition, or nothing.
enum Cont<'a> {
    Done,
    Then(&'a [Node], &'a Cont<'a>),
    CloseGroup(usize, usize, &'a Cont<'a>),
    Again(&'a Node, usize, Option<usize>, usize, usize, &'a Cont<'a>),
}

struct Matcher<'a> {
    text: &'a [char],
    steps: usize,
    best: Option<(usize, Captures)>,
}

/// Where a node that matches at most one character leaves `at`, if it matches there.
fn step(n: &Node, t: &[char], at: usize) -> Option<usize> {
    let here = t.get(at).copied();
    match n {
        Node::Char(c) => (here == Some(*c)).then_some(at + 1),
        Node::Any => here.map(|_| at + 1),
        Node::Class(negated, ranges, classes) => here
            .filter(|&c| {
                let hit = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
                    || classes.iter().any(|n| class_has(n, c));
                hit != *negated
            })
            .map(|_| at + 1),
        Node::Start => (at == 0).then_some(at),
        Node::End => (at == t.len()).then_some(at),
        _ => None,
    }
}

/// Patterns that backtrack without end give up (as no match) after this many steps.
const STEP_LIMIT: usize = 2_000_000;

impl Matcher<'_> {
    fn node(&mut self, n: &Node, at: usize, caps: &mut Captures, k: &Cont) {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return;
        }
        match n {
            Node::Group(inner, index) => {
                self.node(inner, at, caps, &Cont::CloseGroup(*index, at, k))
            }
            Node::Concat(items) => self.cont(&Cont::Then(items, k), at, caps),
            Node::Alt(options) => {
                for option in options {
                    self.node(option, at, caps, k);
                }
            }
            Node::Repeat(inner, min, max) => self.repeat(inner, *min, *max, 0, at, caps, k),
            single => {
                if let Some(next) = step(single, self.text, at) {
                    self.cont(k, next, caps);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &mut self,
        inner: &Node,
        min: usize,
        max: Option<usize>,
        count: usize,
        at: usize,
        caps: &mut Captures,
        k: &Cont,
    ) {
        // Greedy: one more round first, then stopping here.
        if max.is_none_or(|m| count < m) {
            self.node(
                inner,
                at,
                caps,
                &Cont::Again(inner, min, max, count + 1, at, k),
            );
        }
        if count >= min {
            self.cont(k, at, caps);
        }
    }

    fn cont(&mut self, k: &Cont, at: usize, caps: &mut Captures) {
        match k {
            Cont::Done => {
                if self.best.as_ref().is_none_or(|(end, _)| at > *end) {
                    self.best = Some((at, caps.clone()));
                }
            }
            Cont::Then(items, next) => match items.split_first() {
                None => self.cont(next, at, caps),
                Some((first, rest)) => self.node(first, at, caps, &Cont::Then(rest, next)),
            },
            Cont::CloseGroup(index, start, next) => {
                let old = caps[*index];
                caps[*index] = Some((*start, at));
                self.cont(next, at, caps);
                caps[*index] = old;
            }
            Cont::Again(inner, min, max, count, start, next) => {
                // A round that matched nothing ends the repetition.
                if at == *start && count > min {
                    return;
                }
                self.repeat(inner, *min, *max, *count, at, caps, next);
            }
        }
    }
}

/// The characters of `text` that are special in an ERE, escaped (for the
/// quoted parts of a `=~` pattern, which match themselves).
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.[]()*+?{}|^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `[[ text =~ pattern ]]`: 0 on a match (BASH_REMATCH set), 1 without, 2
/// for a pattern that is not a valid regular expression.
pub fn matches(sh: &mut Shell, pattern: &str, text: &str) -> Result<i32, Abort> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        at: 0,
        groups: 0,
    };
    let parsed = parser.alternation();
    let node = match parsed {
        Ok(node) if parser.at == chars.len() => node,
        _ => {
            sh.err.push_str(&format!(
                "bash: [[: invalid regular expression `{pattern}'\n"
            ));
            return Ok(2);
        }
    };
    let text: Vec<char> = text.chars().collect();
    for start in 0..=text.len() {
        let mut m = Matcher {
            text: &text,
            steps: 0,
            best: None,
        };
        let mut caps: Captures = vec![None; parser.groups + 1];
        m.node(&node, start, &mut caps, &Cont::Done);
        if let Some((end, caps)) = m.best {
            let mut items = vec![(None, text[start..end].iter().collect::<String>())];
            for group in caps.iter().skip(1) {
                let value = group
                    .map(|(s, e)| text[s..e].iter().collect())
                    .unwrap_or_default();
                items.push((None, value));
            }
            sh.set_array("BASH_REMATCH", items, false)?;
            return Ok(0);
        }
    }
    sh.set_array("BASH_REMATCH", Vec::new(), false)?;
    Ok(1)
}
