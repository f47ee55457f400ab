//! `printf [-v var] format args`: bash's conversions (%d %i %u %o %x %X
//! %c %s %b %q %f %e %g %%), flags, width and precision (also `*`), the
//! format reused while arguments remain, and "invalid number" as status 1.

use super::{builtins::backslash_escapes, Abort, Shell};

struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// An integer argument as printf reads one; false when it is not all number.
fn integer_arg(arg: &str) -> (i64, bool) {
    if let Some(rest) = arg.strip_prefix(['\'', '"']) {
        return (rest.chars().next().map_or(0, |c| c as i64), true);
    }
    let t = arg.trim_start();
    if t.is_empty() {
        return (0, arg.is_empty());
    }
    let (negative, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (base, digits) =
        if body.len() > 1 && body.starts_with('0') && (body.as_bytes()[1] | 0x20) == b'x' {
            (16, &body[2..])
        } else if body.starts_with('0') {
            (8, body)
        } else {
            (10, body)
        };
    let (value, used, overflow) = leading_digits(digits, base);
    let complete = used > 0 && used == digits.len() && !overflow;
    // Out of range: the largest value of the sign (as strtoimax saturates).
    let limit = if negative {
        1u64 << 63
    } else {
        i64::MAX as u64
    };
    let value = if overflow { limit } else { value.min(limit) };
    let signed = if negative {
        (value as i64).wrapping_neg()
    } else {
        value as i64
    };
    (signed, complete)
}

/// The value of the digits `text` starts with, in `base`: the value, the
/// bytes they took, and whether it overflowed 64 bits.
fn leading_digits(text: &str, base: u32) -> (u64, usize, bool) {
    let mut value: u64 = 0;
    let mut used = 0;
    let mut overflow = false;
    for c in text.chars() {
        let Some(d) = c.to_digit(base) else { break };
        match value
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(d)))
        {
            Some(v) => value = v,
            None => overflow = true,
        }
        used += c.len_utf8();
    }
    (value, used, overflow)
}

fn float_arg(arg: &str) -> (f64, bool) {
    if let Some(rest) = arg.strip_prefix(['\'', '"']) {
        return (rest.chars().next().map_or(0.0, |c| c as u32 as f64), true);
    }
    let t = arg.trim();
    if t.is_empty() {
        return (0.0, true);
    }
    match t.parse::<f64>() {
        Ok(v) => (v, true),
        Err(_) => (0.0, false),
    }
}

fn pad(spec: &Spec, body: String, numeric: bool) -> String {
    let Some(width) = spec.width else { return body };
    let len = body.chars().count();
    if len >= width {
        return body;
    }
    let fill = width - len;
    if spec.left {
        return body + &" ".repeat(fill);
    }
    if spec.zero && numeric {
        // Zeros go after the sign or 0x.
        let sign_len = body.find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(0);
        let prefix_len = if body[sign_len..].starts_with("0x") || body[sign_len..].starts_with("0X")
        {
            sign_len + 2
        } else {
            sign_len
        };
        return format!(
            "{}{}{}",
            &body[..prefix_len],
            "0".repeat(fill),
            &body[prefix_len..]
        );
    }
    " ".repeat(fill) + &body
}

fn with_precision_digits(digits: String, precision: Option<usize>) -> String {
    match precision {
        Some(p) if digits.len() < p => "0".repeat(p - digits.len()) + &digits,
        Some(0) if digits == "0" => String::new(),
        _ => digits,
    }
}

fn exponent_form(value: f64, precision: usize, upper: bool) -> String {
    let s = format!("{value:.precision$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mantissa}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn general_form(value: f64, precision: usize, upper: bool, alt: bool) -> String {
    let p = if precision == 0 { 1 } else { precision };
    if value == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let exp = value.abs().log10().floor() as i32;
    let mut s = if exp < -4 || exp >= p as i32 {
        exponent_form(value, p - 1, upper)
    } else {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, value)
    };
    if !alt && s.contains('.') {
        let (num, tail) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let trimmed = num.trim_end_matches('0').trim_end_matches('.');
        s = format!("{trimmed}{tail}");
    }
    s
}

fn shell_quote(text: &str) -> String {
    if text.is_empty() {
        return "''".into();
    }
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "_-./=+,:@%^".contains(c) || !c.is_ascii() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// One run of printf: the output so far, the arguments left, the status.
struct Formatter<'a> {
    fmt: Vec<char>,
    rest: &'a [String],
    out: String,
    err: String,
    status: i32,
    stop: bool,
}

/// Where a backslash escape of the format that starts at `i` ends.
fn escape_end(fmt: &[char], i: usize) -> usize {
    let mut j = i + 1;
    let limit = if fmt.get(j) == Some(&'0') { 4 } else { 3 };
    if fmt.get(j).is_some_and(|d| d.is_digit(8)) {
        while j < fmt.len() && j - i <= limit && fmt[j].is_digit(8) {
            j += 1;
        }
        return j;
    }
    if fmt.get(j) != Some(&'x') {
        return (i + 2).min(fmt.len());
    }
    j += 1;
    while j < fmt.len() && j - i < 4 && fmt[j].is_ascii_hexdigit() {
        j += 1;
    }
    j
}

/// The flags of a directive starting at `j`, and where they end.
fn flags(fmt: &[char], mut j: usize) -> (Spec, usize) {
    let mut spec = Spec {
        left: false,
        zero: false,
        plus: false,
        space: false,
        alt: false,
        width: None,
        precision: None,
    };
    while let Some(&f) = fmt.get(j) {
        match f {
            '-' => spec.left = true,
            '0' => spec.zero = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alt = true,
            _ => break,
        }
        j += 1;
    }
    (spec, j)
}

impl Formatter<'_> {
    /// One pass over the format.
    fn pass(&mut self) {
        let mut i = 0;
        while i < self.fmt.len() && !self.stop {
            let next = match self.fmt[i] {
                '\\' => Some(self.escape(i)),
                '%' if self.fmt.get(i + 1) == Some(&'%') => {
                    self.out.push('%');
                    Some(i + 2)
                }
                '%' => self.directive(i),
                c => {
                    self.out.push(c);
                    Some(i + 1)
                }
            };
            let Some(next) = next else { break };
            i = next;
        }
    }

    fn escape(&mut self, i: usize) -> usize {
        let j = escape_end(&self.fmt, i);
        let piece: String = self.fmt[i..j].iter().collect();
        let piece = if piece == "\\\"" {
            "\"".to_string()
        } else {
            piece
        };
        let (text, stopped) = backslash_escapes(&piece, false);
        self.out.push_str(&text);
        self.stop = stopped;
        j
    }

    /// A width or precision: digits, or `*` taking the next argument.
    fn number(&mut self, j: &mut usize, spec: &mut Spec) -> Option<usize> {
        if self.fmt.get(*j) == Some(&'*') {
            *j += 1;
            let (v, _) = integer_arg(self.rest.first().map_or("", String::as_str));
            if !self.rest.is_empty() {
                self.rest = &self.rest[1..];
            }
            if v < 0 {
                spec.left = true;
            }
            return Some(v.unsigned_abs() as usize);
        }
        let start = *j;
        while self.fmt.get(*j).is_some_and(|d| d.is_ascii_digit()) {
            *j += 1;
        }
        (*j > start).then(|| {
            self.fmt[start..*j]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0)
        })
    }

    /// The directive at `i` (a '%'); where the format goes on, or None when
    /// it has no conversion character.
    fn directive(&mut self, i: usize) -> Option<usize> {
        let (mut spec, mut j) = flags(&self.fmt, i + 1);
        spec.width = self.number(&mut j, &mut spec);
        if self.fmt.get(j) == Some(&'.') {
            j += 1;
            spec.precision = Some(self.number(&mut j, &mut spec).unwrap_or(0));
        }
        // Length modifiers are accepted and ignored.
        while self.fmt.get(j).is_some_and(|m| "hlLqjzt".contains(*m)) {
            j += 1;
        }
        let Some(&conv) = self.fmt.get(j) else {
            let directive: String = self.fmt[i..].iter().collect();
            self.err.push_str(&format!(
                "printf: `{directive}': missing format character\n"
            ));
            self.status = 1;
            return None;
        };
        let arg = self.rest.first().cloned().unwrap_or_default();
        if conv != '%' && !self.rest.is_empty() {
            self.rest = &self.rest[1..];
        }
        self.convert(conv, &spec, &arg);
        Some(j + 1)
    }

    fn convert(&mut self, conv: char, spec: &Spec, arg: &str) {
        let text = match conv {
            'd' | 'i' => self.signed(spec, arg),
            'u' | 'o' | 'x' | 'X' => self.unsigned(conv, spec, arg),
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => self.float(conv, spec, arg),
            'c' => pad(spec, arg.chars().take(1).collect(), false),
            's' | 'b' | 'q' => self.text(conv, spec, arg),
            other => {
                self.err.push_str(&format!(
                    "bash: printf: `{other}': invalid format character\n"
                ));
                self.status = 1;
                self.stop = true;
                return;
            }
        };
        self.out.push_str(&text);
    }

    fn check_number(&mut self, arg: &str, ok: bool) {
        if !ok {
            self.err
                .push_str(&format!("bash: printf: {arg}: invalid number\n"));
            self.status = 1;
        }
    }

    fn signed(&mut self, spec: &Spec, arg: &str) -> String {
        let (v, ok) = integer_arg(arg);
        self.check_number(arg, ok);
        let digits = with_precision_digits(v.unsigned_abs().to_string(), spec.precision);
        let sign = if v < 0 {
            "-"
        } else if spec.plus {
            "+"
        } else if spec.space {
            " "
        } else {
            ""
        };
        let s = Spec {
            zero: spec.zero && spec.precision.is_none(),
            ..*spec
        };
        pad(&s, format!("{sign}{digits}"), true)
    }

    fn unsigned(&mut self, conv: char, spec: &Spec, arg: &str) -> String {
        let (v, ok) = integer_arg(arg);
        self.check_number(arg, ok);
        let u = v as u64;
        let digits = match conv {
            'u' => u.to_string(),
            'o' => format!("{u:o}"),
            'x' => format!("{u:x}"),
            _ => format!("{u:X}"),
        };
        let mut digits = with_precision_digits(digits, spec.precision);
        if spec.alt && u != 0 {
            digits = match conv {
                'o' if !digits.starts_with('0') => format!("0{digits}"),
                'x' => format!("0x{digits}"),
                'X' => format!("0X{digits}"),
                _ => digits,
            };
        }
        let s = Spec {
            zero: spec.zero && spec.precision.is_none(),
            ..*spec
        };
        pad(&s, digits, true)
    }

    fn float(&mut self, conv: char, spec: &Spec, arg: &str) -> String {
        let (v, ok) = float_arg(arg);
        self.check_number(arg, ok);
        let p = spec.precision.unwrap_or(6);
        let body = match conv {
            'f' | 'F' => format!("{v:.p$}"),
            'e' | 'E' => exponent_form(v, p, conv == 'E'),
            _ => general_form(v, p, conv == 'G', spec.alt),
        };
        let sign = if v >= 0.0 && spec.plus {
            "+"
        } else if v >= 0.0 && spec.space {
            " "
        } else {
            ""
        };
        pad(spec, format!("{sign}{body}"), true)
    }

    fn text(&mut self, conv: char, spec: &Spec, arg: &str) -> String {
        let mut s = match conv {
            'b' => {
                let (text, stopped) = backslash_escapes(arg, true);
                self.stop = stopped;
                text
            }
            'q' => shell_quote(arg),
            _ => arg.to_string(),
        };
        if let Some(p) = spec.precision {
            s = s.chars().take(p).collect();
        }
        pad(spec, s, false)
    }
}

/// `printf`: returns the status; the output goes to `fd` or to `-v var`.
pub fn printf(sh: &mut Shell, fd: i32, args: &[String]) -> Result<i32, Abort> {
    let (target, args) = match args {
        [flag, name, rest @ ..] if flag == "-v" => (Some(name.clone()), rest),
        [dashes, rest @ ..] if dashes == "--" => (None, rest),
        _ => (None, args),
    };
    let Some((format, rest)) = args.split_first() else {
        sh.err
            .push_str("printf: usage: printf [-v var] format [arguments]\n");
        return Ok(2);
    };
    let mut f = Formatter {
        fmt: format.chars().collect(),
        rest,
        out: String::new(),
        err: String::new(),
        status: 0,
        stop: false,
    };
    loop {
        let before = f.rest.len();
        f.pass();
        // The format is used again while arguments remain (if it consumed any).
        if f.rest.is_empty() || f.rest.len() == before || f.stop {
            break;
        }
    }
    sh.err.push_str(&f.err);
    match target {
        Some(name) => sh.set(&name, f.out)?,
        None => sh.write(fd, &f.out),
    }
    Ok(f.status)
}
