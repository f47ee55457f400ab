//! Bash glob patterns (case, [[ == ]], ${v#p}, ${v/p/r}): `*`, `?`,
//! bracket expressions with ranges, negation and [:classes:]. A pattern is
//! a string in which a quoted character is preceded by a backslash
//! (`escape` makes text match itself). Characters are Unicode scalar values,
//! as bash has them under a UTF-8 locale.

#[derive(Debug, Clone)]
enum Token {
    Star,
    Any,
    Char(char),
    Class {
        negated: bool,
        items: Vec<ClassItem>,
    },
}

#[derive(Debug, Clone)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Named(String),
}

/// Text quoted so that it matches only itself.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\' | '!' | '^' | '-') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether a pattern has an unquoted `*`, `?` or `[`.
pub fn has_glob(pattern: &str) -> bool {
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if matches!(c, '*' | '?' | '[') {
            return true;
        }
    }
    false
}

/// The pattern with its quoting backslashes removed (the text it matches when it has no glob).
pub fn unescape(pattern: &str) -> String {
    let mut out = String::new();
    let mut escaped = false;
    for c in pattern.chars() {
        if !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        escaped = false;
        out.push(c);
    }
    out
}

fn compile(pattern: &str) -> Vec<Token> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                tokens.push(Token::Char(chars[i + 1]));
                i += 2;
            }
            '*' => {
                if !matches!(tokens.last(), Some(Token::Star)) {
                    tokens.push(Token::Star);
                }
                i += 1;
            }
            '?' => {
                tokens.push(Token::Any);
                i += 1;
            }
            '[' => match bracket(&chars, i) {
                Some((token, next)) => {
                    tokens.push(token);
                    i = next;
                }
                None => {
                    tokens.push(Token::Char('['));
                    i += 1;
                }
            },
            c => {
                tokens.push(Token::Char(c));
                i += 1;
            }
        }
    }
    tokens
}

/// A bracket expression starting at `chars[start]` ('['), and the index after it.
fn bracket(chars: &[char], start: usize) -> Option<(Token, usize)> {
    let mut i = start + 1;
    let negated = i < chars.len() && (chars[i] == '!' || chars[i] == '^');
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && !first {
            return Some((Token::Class { negated, items }, i + 1));
        }
        first = false;
        if c == '[' && i + 1 < chars.len() && chars[i + 1] == ':' {
            let rest: String = chars[i + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                items.push(ClassItem::Named(rest[..end].to_string()));
                i += 2 + rest[..end].chars().count() + 2;
                continue;
            }
        }
        let (lo, next) = if c == '\\' && i + 1 < chars.len() {
            (chars[i + 1], i + 2)
        } else {
            (c, i + 1)
        };
        if next + 1 < chars.len() && chars[next] == '-' && chars[next + 1] != ']' {
            let (hi, after) = if chars[next + 1] == '\\' && next + 2 < chars.len() {
                (chars[next + 2], next + 3)
            } else {
                (chars[next + 1], next + 2)
            };
            items.push(ClassItem::Range(lo, hi));
            i = after;
        } else {
            items.push(ClassItem::Char(lo));
            i = next;
        }
    }
    None
}

/// Whether `c` is in the character class `[:name:]` (shared with regex.rs).
pub fn class_has(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_control(),
        "print" => !c.is_control(),
        "graph" => !c.is_control() && !c.is_whitespace(),
        "word" => c.is_alphanumeric() || c == '_',
        _ => false,
    }
}

fn class_matches(negated: bool, items: &[ClassItem], c: char) -> bool {
    let hit = items.iter().any(|item| match item {
        ClassItem::Char(x) => *x == c,
        ClassItem::Range(lo, hi) => *lo <= c && c <= *hi,
        ClassItem::Named(name) => class_has(name, c),
    });
    hit != negated
}

fn token_matches(token: &Token, c: char) -> bool {
    match token {
        Token::Any => true,
        Token::Char(x) => *x == c,
        Token::Class { negated, items } => class_matches(*negated, items, c),
        Token::Star => true,
    }
}

fn matches_tokens(tokens: &[Token], text: &[char]) -> bool {
    // Greedy matching that backtracks only to the last `*`: linear in practice.
    let (mut t, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < tokens.len()
            && !matches!(tokens[p], Token::Star)
            && token_matches(&tokens[p], text[t])
        {
            t += 1;
            p += 1;
        } else if p < tokens.len() && matches!(tokens[p], Token::Star) {
            star = Some((p, t));
            p += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while p < tokens.len() && matches!(tokens[p], Token::Star) {
        p += 1;
    }
    p == tokens.len()
}

/// Whether `text` matches `pattern` as a whole.
pub fn matches(pattern: &str, text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    matches_tokens(&compile(pattern), &chars)
}

/// `${v#p}` (shortest) and `${v##p}` (longest).
pub fn remove_prefix(text: &str, pattern: &str, longest: bool) -> String {
    let tokens = compile(pattern);
    let chars: Vec<char> = text.chars().collect();
    let lengths: Vec<usize> = if longest {
        (0..=chars.len()).rev().collect()
    } else {
        (0..=chars.len()).collect()
    };
    for n in lengths {
        if matches_tokens(&tokens, &chars[..n]) {
            return chars[n..].iter().collect();
        }
    }
    text.to_string()
}

/// `${v%p}` (shortest) and `${v%%p}` (longest).
pub fn remove_suffix(text: &str, pattern: &str, longest: bool) -> String {
    let tokens = compile(pattern);
    let chars: Vec<char> = text.chars().collect();
    let starts: Vec<usize> = if longest {
        (0..=chars.len()).collect()
    } else {
        (0..=chars.len()).rev().collect()
    };
    for s in starts {
        if matches_tokens(&tokens, &chars[s..]) {
            return chars[..s].iter().collect();
        }
    }
    text.to_string()
}

/// Where `${v/p/r}` replaces: the first match, every match, or anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    First,
    All,
    Prefix,
    Suffix,
}

/// `${v/p/r}`, `${v//p/r}`, `${v/#p/r}`, `${v/%p/r}`: the longest match at
/// the leftmost position.
pub fn replace(text: &str, pattern: &str, replacement: &str, mode: Replace) -> String {
    let tokens = compile(pattern);
    let chars: Vec<char> = text.chars().collect();
    if tokens.is_empty() {
        return match mode {
            Replace::Prefix => format!("{replacement}{text}"),
            Replace::Suffix => format!("{text}{replacement}"),
            _ => text.to_string(),
        };
    }
    let longest_at = |s: usize| {
        (s..=chars.len())
            .rev()
            .find(|&e| matches_tokens(&tokens, &chars[s..e]))
    };
    match mode {
        Replace::Prefix => match longest_at(0) {
            Some(e) => format!("{replacement}{}", chars[e..].iter().collect::<String>()),
            None => text.to_string(),
        },
        Replace::Suffix => {
            match (0..=chars.len()).find(|&s| matches_tokens(&tokens, &chars[s..])) {
                Some(s) => format!("{}{replacement}", chars[..s].iter().collect::<String>()),
                None => text.to_string(),
            }
        }
        Replace::First | Replace::All => {
            replace_matches(&chars, replacement, mode == Replace::All, longest_at)
        }
    }
}

/// `${v/p/r}` and `${v//p/r}`: the longest non-empty match at each position,
/// replaced (only the first one unless `all`).
fn replace_matches(
    chars: &[char],
    replacement: &str,
    all: bool,
    longest_at: impl Fn(usize) -> Option<usize>,
) -> String {
    let mut out = String::new();
    let mut s = 0;
    let mut replaced = false;
    while s < chars.len() {
        let end = if all || !replaced {
            longest_at(s)
        } else {
            None
        };
        match end {
            Some(e) if e > s => {
                out.push_str(replacement);
                s = e;
                replaced = true;
            }
            _ => {
                out.push(chars[s]);
                s += 1;
            }
        }
    }
    out
}
