//! Bash arithmetic on text built at run time: the same grammar as the
//! translator's own parser (precedence of bash(1), ARITHMETIC EVALUATION),
//! 64-bit wrapping, and bash's errors (division by 0, bad numbers, recursion).

use super::{Abort, Shell};

/// An arithmetic error, with bash's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArithError(pub String);

pub type Arith = Result<i64, ArithError>;

/// A numeric constant as bash reads one: decimal, 0x hex, 0 octal, base#digits.
pub fn parse_number(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let (base, digits): (u64, &[u8]) =
        if bytes.len() > 1 && bytes[0] == b'0' && (bytes[1] | 0x20) == b'x' {
            (16, &bytes[2..])
        } else if let Some(hash) = text.find('#') {
            let base = parse_number(&text[..hash])?;
            if hash == 0 || !(2..=64).contains(&base) || hash + 1 == bytes.len() {
                return None;
            }
            (base as u64, &bytes[hash + 1..])
        } else if bytes.len() > 1 && bytes[0] == b'0' {
            (8, &bytes[1..])
        } else {
            (10, bytes)
        };
    let mut value: u64 = 0;
    for &c in digits {
        let d = match c {
            b'0'..=b'9' => u64::from(c - b'0'),
            b'a'..=b'z' => u64::from(c - b'a') + 10,
            b'A'..=b'Z' if base <= 36 => u64::from(c - b'A') + 10,
            b'A'..=b'Z' => u64::from(c - b'A') + 36,
            b'@' => 62,
            b'_' => 63,
            _ => return None,
        };
        if d >= base {
            return None;
        }
        value = value.wrapping_mul(base).wrapping_add(d);
    }
    Some(value as i64)
}

pub fn div(a: i64, b: i64) -> Arith {
    if b == 0 {
        return Err(ArithError("division by 0".into()));
    }
    Ok(a.wrapping_div(b))
}

pub fn rem(a: i64, b: i64) -> Arith {
    if b == 0 {
        return Err(ArithError("division by 0".into()));
    }
    Ok(a.wrapping_rem(b))
}

pub fn pow(base: i64, exponent: i64) -> Arith {
    if exponent < 0 {
        return Err(ArithError("exponent less than 0".into()));
    }
    let mut result: i64 = 1;
    let mut b = base;
    let mut e = exponent as u64;
    while e > 0 {
        if e & 1 == 1 {
            result = result.wrapping_mul(b);
        }
        b = b.wrapping_mul(b);
        e >>= 1;
    }
    Ok(result)
}

/// `<<` and `>>` as bash gets them from the C compiler on x86-64: the
/// count is taken modulo 64.
pub fn shl(a: i64, b: i64) -> i64 {
    a.wrapping_shl(b as u32)
}

pub fn shr(a: i64, b: i64) -> i64 {
    a.wrapping_shr(b as u32)
}

pub fn truth(b: bool) -> i64 {
    i64::from(b)
}

const MAX_RECURSION: usize = 1024;

/// Evaluates `text` as bash would evaluate `$(( text ))`.
pub fn eval(sh: &mut Shell, text: &str) -> Arith {
    eval_nested(sh, text, 0)
}

fn eval_nested(sh: &mut Shell, text: &str, depth: usize) -> Arith {
    if depth > MAX_RECURSION {
        return Err(ArithError(format!(
            "{}: expression recursion level exceeded",
            text.trim()
        )));
    }
    let mut p = Parser {
        sh,
        text: text.as_bytes(),
        src: text,
        pos: 0,
        depth,
        skip: 0,
    };
    p.space();
    if p.pos == p.text.len() {
        return Ok(0);
    }
    let value = p.comma()?;
    p.space();
    if p.pos < p.text.len() {
        return Err(ArithError(format!(
            "{}: syntax error in expression (error token is \"{}\")",
            text.trim(),
            &text[p.pos..]
        )));
    }
    Ok(value)
}

/// The value of variable `name` in arithmetic: empty or unset is 0, a
/// number is read, anything else is evaluated as an expression in turn.
pub fn variable(sh: &mut Shell, name: &str) -> Arith {
    let text = sh.get(name).unwrap_or_default();
    value_of_text(sh, &text, 0)
}

fn value_of_text(sh: &mut Shell, text: &str, depth: usize) -> Arith {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(0);
    }
    if trimmed.bytes().all(|c| c.is_ascii_digit()) {
        if let Some(v) = parse_number(trimmed) {
            return Ok(v);
        }
    }
    eval_nested(sh, text, depth + 1)
}

struct Parser<'a> {
    sh: &'a mut Shell,
    text: &'a [u8],
    src: &'a str,
    pos: usize,
    depth: usize,
    /// >0 while parsing the branch that && || ?: do not take: no side effects, no errors from values.
    skip: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.pos < self.text.len() && self.text[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self, op: &str) -> bool {
        self.space();
        self.text[self.pos..].starts_with(op.as_bytes())
    }

    /// Whether a name starts after the next `skip` bytes: bash reads `--` and
    /// `++` as one operator only next to a variable (`1--1` is 2).
    fn name_after(&mut self, skip: usize) -> bool {
        self.space();
        let mut p = self.pos + skip;
        while p < self.text.len() && self.text[p].is_ascii_whitespace() {
            p += 1;
        }
        p < self.text.len() && (self.text[p].is_ascii_alphabetic() || self.text[p] == b'_')
    }

    fn take(&mut self, op: &str, longer: &[&str]) -> bool {
        if !self.peek(op) {
            return false;
        }
        if longer
            .iter()
            .any(|l| self.text[self.pos..].starts_with(l.as_bytes()))
        {
            return false;
        }
        self.pos += op.len();
        true
    }

    fn error(&self, what: &str) -> ArithError {
        ArithError(format!(
            "{}: {} (error token is \"{}\")",
            self.src.trim(),
            what,
            &self.src[self.pos.min(self.src.len())..]
        ))
    }

    fn comma(&mut self) -> Arith {
        let mut value = self.assignment()?;
        while self.take(",", &[]) {
            value = self.assignment()?;
        }
        Ok(value)
    }

    fn assignment(&mut self) -> Arith {
        let start = self.pos;
        // An lvalue followed by an assignment operator?
        self.space();
        if let Some((name, index, after)) = self.lvalue_at(self.pos) {
            let mut q = after;
            while q < self.text.len() && self.text[q].is_ascii_whitespace() {
                q += 1;
            }
            for op in [
                "<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "=",
            ] {
                if self.text[q..].starts_with(op.as_bytes()) && !self.text[q..].starts_with(b"==") {
                    self.pos = q + op.len();
                    let rhs = self.assignment()?;
                    if self.skip > 0 {
                        return Ok(0);
                    }
                    let index = match index {
                        Some(text) => Some(eval_nested(self.sh, &text, self.depth + 1)?),
                        None => None,
                    };
                    let old = if op == "=" {
                        0
                    } else {
                        self.read_var(&name, index)?
                    };
                    let value = match op {
                        "=" => rhs,
                        "*=" => old.wrapping_mul(rhs),
                        "/=" => div(old, rhs).map_err(|e| self.error(&e.0))?,
                        "%=" => rem(old, rhs).map_err(|e| self.error(&e.0))?,
                        "+=" => old.wrapping_add(rhs),
                        "-=" => old.wrapping_sub(rhs),
                        "<<=" => shl(old, rhs),
                        ">>=" => shr(old, rhs),
                        "&=" => old & rhs,
                        "^=" => old ^ rhs,
                        _ => old | rhs,
                    };
                    self.write_var(&name, index, value)?;
                    return Ok(value);
                }
            }
        }
        self.pos = start;
        self.ternary()
    }

    fn ternary(&mut self) -> Arith {
        let condition = self.binary(0)?;
        if !self.take("?", &[]) {
            return Ok(condition);
        }
        if condition != 0 {
            let then = self.comma()?;
            if !self.take(":", &[]) {
                return Err(self.error("`:' expected for conditional expression"));
            }
            self.skip += 1;
            let _ = self.ternary()?;
            self.skip -= 1;
            Ok(then)
        } else {
            self.skip += 1;
            let _ = self.comma()?;
            self.skip -= 1;
            if !self.take(":", &[]) {
                return Err(self.error("`:' expected for conditional expression"));
            }
            self.ternary()
        }
    }

    fn binary(&mut self, level: usize) -> Arith {
        const LEVELS: [&[&str]; 9] = [
            &["||"],
            &["&&"],
            &["|"],
            &["^"],
            &["&"],
            &["==", "!="],
            &["<=", ">=", "<", ">"],
            &["<<", ">>"],
            &["+", "-"],
        ];
        if level == LEVELS.len() {
            return self.multiplicative();
        }
        let mut left = self.binary(level + 1)?;
        loop {
            let mut matched = None;
            for op in LEVELS[level] {
                let longer: &[&str] = match *op {
                    "|" => &["||", "|="],
                    "&" => &["&&", "&="],
                    "^" => &["^="],
                    "<" => &["<<", "<="],
                    ">" => &[">>", ">="],
                    "<<" => &["<<="],
                    ">>" => &[">>="],
                    "+" if self.name_after(2) => &["+=", "++"],
                    "-" if self.name_after(2) => &["-=", "--"],
                    "+" => &["+="],
                    "-" => &["-="],
                    _ => &[],
                };
                if self.take(op, longer) {
                    matched = Some(*op);
                    break;
                }
            }
            let Some(op) = matched else { return Ok(left) };
            // && and || do not evaluate their right side when the left decides.
            let decided = (op == "&&" && left == 0) || (op == "||" && left != 0);
            if decided {
                self.skip += 1;
            }
            let right = self.binary(level + 1);
            if decided {
                self.skip -= 1;
            }
            let right = right?;
            left = match op {
                "||" => truth(left != 0 || right != 0),
                "&&" => truth(left != 0 && right != 0),
                "|" => left | right,
                "^" => left ^ right,
                "&" => left & right,
                "==" => truth(left == right),
                "!=" => truth(left != right),
                "<=" => truth(left <= right),
                ">=" => truth(left >= right),
                "<" => truth(left < right),
                ">" => truth(left > right),
                "<<" => shl(left, right),
                ">>" => shr(left, right),
                "+" => left.wrapping_add(right),
                _ => left.wrapping_sub(right),
            };
        }
    }

    fn multiplicative(&mut self) -> Arith {
        let mut left = self.power()?;
        loop {
            let op = if self.take("*", &["**", "*="]) {
                '*'
            } else if self.take("/", &["/="]) {
                '/'
            } else if self.take("%", &["%="]) {
                '%'
            } else {
                return Ok(left);
            };
            let right = self.power()?;
            left = match op {
                '*' => left.wrapping_mul(right),
                _ if self.skip > 0 => 0,
                '/' => div(left, right).map_err(|e| self.error(&e.0))?,
                _ => rem(left, right).map_err(|e| self.error(&e.0))?,
            };
        }
    }

    fn power(&mut self) -> Arith {
        let base = self.unary()?;
        if self.take("**", &["**="]) {
            let exponent = self.power()?;
            if self.skip > 0 {
                return Ok(0);
            }
            return pow(base, exponent).map_err(|e| self.error(&e.0));
        }
        Ok(base)
    }

    fn unary(&mut self) -> Arith {
        let prefix = (self.peek("++") || self.peek("--")) && self.name_after(2);
        if prefix && (self.take("++", &[]) || self.take("--", &[])) {
            let increment = self.text[self.pos - 1] == b'+';
            self.space();
            let Some((name, index, after)) = self.lvalue_at(self.pos) else {
                return Err(self.error("syntax error: operand expected"));
            };
            self.pos = after;
            if self.skip > 0 {
                return Ok(0);
            }
            let index = match index {
                Some(text) => Some(eval_nested(self.sh, &text, self.depth + 1)?),
                None => None,
            };
            let value = self
                .read_var(&name, index)?
                .wrapping_add(if increment { 1 } else { -1 });
            self.write_var(&name, index, value)?;
            return Ok(value);
        }
        if self.take("-", &["-="]) {
            return Ok(self.unary()?.wrapping_neg());
        }
        if self.take("+", &["+="]) {
            return self.unary();
        }
        if self.take("!", &["!="]) {
            return Ok(truth(self.unary()? == 0));
        }
        if self.take("~", &[]) {
            return Ok(!self.unary()?);
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Arith {
        self.space();
        if let Some((name, index, after)) = self.lvalue_at(self.pos) {
            self.pos = after;
            let index = match (&index, self.skip) {
                (Some(text), 0) => Some(eval_nested(self.sh, text, self.depth + 1)?),
                _ => None,
            };
            let inc = self.take("++", &[]);
            if inc || self.take("--", &[]) {
                if self.skip > 0 {
                    return Ok(0);
                }
                let old = self.read_var(&name, index)?;
                self.write_var(&name, index, old.wrapping_add(if inc { 1 } else { -1 }))?;
                return Ok(old);
            }
            if self.skip > 0 {
                return Ok(0);
            }
            return self.read_var(&name, index);
        }
        self.primary()
    }

    fn primary(&mut self) -> Arith {
        self.space();
        let Some(&c) = self.text.get(self.pos) else {
            return Err(self.error("syntax error: operand expected"));
        };
        if c == b'(' {
            self.pos += 1;
            let value = self.comma()?;
            if !self.take(")", &[]) {
                return Err(self.error("missing `)'"));
            }
            return Ok(value);
        }
        if c.is_ascii_digit() {
            let start = self.pos;
            while self.pos < self.text.len()
                && (self.text[self.pos].is_ascii_alphanumeric()
                    || matches!(self.text[self.pos], b'_' | b'@' | b'#'))
            {
                self.pos += 1;
            }
            let literal = &self.src[start..self.pos];
            return match parse_number(literal) {
                Some(v) => Ok(v),
                None => {
                    self.pos = start;
                    Err(self.error("value too great for base"))
                }
            };
        }
        Err(self.error("syntax error: operand expected"))
    }

    /// A name (with an optional [index] text) starting at `at`.
    fn lvalue_at(&self, at: usize) -> Option<(String, Option<String>, usize)> {
        let t = self.text;
        if at >= t.len() || !(t[at].is_ascii_alphabetic() || t[at] == b'_') {
            return None;
        }
        let mut end = at;
        while end < t.len() && (t[end].is_ascii_alphanumeric() || t[end] == b'_') {
            end += 1;
        }
        let name = self.src[at..end].to_string();
        if end < t.len() && t[end] == b'[' {
            let mut depth = 0;
            let mut close = end;
            while close < t.len() {
                match t[close] {
                    b'[' => depth += 1,
                    b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                close += 1;
            }
            if close >= t.len() {
                return None;
            }
            return Some((name, Some(self.src[end + 1..close].to_string()), close + 1));
        }
        Some((name, None, end))
    }

    fn read_var(&mut self, name: &str, index: Option<i64>) -> Arith {
        let text = match index {
            Some(i) => self
                .sh
                .get_element(name, &i.to_string())
                .unwrap_or_default(),
            None => self.sh.get(name).unwrap_or_default(),
        };
        value_of_text(self.sh, &text, self.depth)
    }

    fn write_var(&mut self, name: &str, index: Option<i64>, value: i64) -> Result<(), ArithError> {
        let result = match index {
            Some(i) => self.sh.set_element(name, &i.to_string(), value.to_string()),
            None => self.sh.set(name, value.to_string()),
        };
        result.map_err(|Abort(_)| ArithError(format!("{name}: readonly variable")))
    }
}
