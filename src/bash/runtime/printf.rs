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
    let mut value: u64 = 0;
    let mut used = 0;
    let mut overflow = false;
    for c in digits.chars() {
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
    let complete = used > 0 && used == digits.len() && !overflow;
    let limit = if negative {
        1u64 << 63
    } else {
        i64::MAX as u64
    };
    let value = if overflow || value > limit {
        limit
    } else {
        value
    };
    let signed = if negative {
        (value as i64).wrapping_neg()
    } else {
        value as i64
    };
    (signed, complete)
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

/// `printf`: returns the status; the output goes to `fd` or to `-v var`.
pub fn printf(sh: &mut Shell, fd: i32, args: &[String]) -> Result<i32, Abort> {
    let (target, args) = match args {
        [flag, name, rest @ ..] if flag == "-v" => (Some(name.clone()), rest),
        [dashes, rest @ ..] if dashes == "--" => (None, rest),
        _ => (None, args),
    };
    let Some((format, mut rest)) = args.split_first() else {
        sh.err
            .push_str("printf: usage: printf [-v var] format [arguments]\n");
        return Ok(2);
    };
    let mut out = String::new();
    let mut status = 0;
    let fmt: Vec<char> = format.chars().collect();
    loop {
        let before = rest.len();
        let mut i = 0;
        let mut stop = false;
        while i < fmt.len() && !stop {
            let c = fmt[i];
            if c == '\\' {
                let mut j = i + 1;
                let limit = if fmt.get(j) == Some(&'0') { 4 } else { 3 };
                if fmt.get(j).is_some_and(|d| d.is_digit(8)) {
                    while j < fmt.len() && j - i <= limit && fmt[j].is_digit(8) {
                        j += 1;
                    }
                } else if fmt.get(j) == Some(&'x') {
                    j += 1;
                    while j < fmt.len() && j - i < 4 && fmt[j].is_ascii_hexdigit() {
                        j += 1;
                    }
                } else {
                    j = (i + 2).min(fmt.len());
                }
                let piece: String = fmt[i..j].iter().collect();
                let piece = if piece == "\\\"" {
                    "\"".to_string()
                } else {
                    piece
                };
                let (text, stopped) = backslash_escapes(&piece, false);
                out.push_str(&text);
                stop = stopped;
                i = j;
                continue;
            }
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            if fmt.get(i + 1) == Some(&'%') {
                out.push('%');
                i += 2;
                continue;
            }
            let mut spec = Spec {
                left: false,
                zero: false,
                plus: false,
                space: false,
                alt: false,
                width: None,
                precision: None,
            };
            let mut j = i + 1;
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
            let number = |j: &mut usize, rest: &mut &[String], spec: &mut Spec| -> Option<usize> {
                if fmt.get(*j) == Some(&'*') {
                    *j += 1;
                    let (v, _) = integer_arg(rest.first().map_or("", String::as_str));
                    if !rest.is_empty() {
                        *rest = &rest[1..];
                    }
                    if v < 0 {
                        spec.left = true;
                    }
                    return Some(v.unsigned_abs() as usize);
                }
                let start = *j;
                while fmt.get(*j).is_some_and(|d| d.is_ascii_digit()) {
                    *j += 1;
                }
                (*j > start).then(|| {
                    fmt[start..*j]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0)
                })
            };
            spec.width = number(&mut j, &mut rest, &mut spec);
            if fmt.get(j) == Some(&'.') {
                j += 1;
                spec.precision = Some(number(&mut j, &mut rest, &mut spec).unwrap_or(0));
            }
            // Length modifiers are accepted and ignored.
            while fmt.get(j).is_some_and(|m| "hlLqjzt".contains(*m)) {
                j += 1;
            }
            let Some(&conv) = fmt.get(j) else {
                sh.err.push_str(&format!(
                    "printf: `{}': missing format character\n",
                    fmt[i..].iter().collect::<String>()
                ));
                status = 1;
                break;
            };
            i = j + 1;
            let arg = rest.first().cloned();
            let consumes = conv != '%';
            if consumes && !rest.is_empty() {
                rest = &rest[1..];
            }
            let arg_text = arg.clone().unwrap_or_default();
            let mut bad_number = |sh: &mut Shell, ok: bool| {
                if !ok {
                    sh.err
                        .push_str(&format!("bash: printf: {arg_text}: invalid number\n"));
                    status = 1;
                }
            };
            match conv {
                'd' | 'i' => {
                    let (v, ok) = integer_arg(&arg_text);
                    bad_number(sh, ok);
                    let digits =
                        with_precision_digits(v.unsigned_abs().to_string(), spec.precision);
                    let sign = if v < 0 {
                        "-"
                    } else if spec.plus {
                        "+"
                    } else if spec.space {
                        " "
                    } else {
                        ""
                    };
                    let zero_ok = spec.precision.is_none();
                    let s = Spec {
                        zero: spec.zero && zero_ok,
                        ..spec
                    };
                    out.push_str(&pad(&s, format!("{sign}{digits}"), true));
                }
                'u' | 'o' | 'x' | 'X' => {
                    let (v, ok) = integer_arg(&arg_text);
                    bad_number(sh, ok);
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
                    let zero_ok = spec.precision.is_none();
                    let s = Spec {
                        zero: spec.zero && zero_ok,
                        ..spec
                    };
                    out.push_str(&pad(&s, digits, true));
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    let (v, ok) = float_arg(&arg_text);
                    bad_number(sh, ok);
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
                    out.push_str(&pad(&spec, format!("{sign}{body}"), true));
                }
                'c' => {
                    let s: String = arg_text.chars().take(1).collect();
                    out.push_str(&pad(&spec, s, false));
                }
                's' | 'b' | 'q' => {
                    let mut s = match conv {
                        'b' => {
                            let (text, stopped) = backslash_escapes(&arg_text, true);
                            stop = stopped;
                            text
                        }
                        'q' => shell_quote(&arg_text),
                        _ => arg_text.clone(),
                    };
                    if let Some(p) = spec.precision {
                        s = s.chars().take(p).collect();
                    }
                    out.push_str(&pad(&spec, s, false));
                }
                other => {
                    sh.err.push_str(&format!(
                        "bash: printf: `{other}': invalid format character\n"
                    ));
                    status = 1;
                    stop = true;
                }
            }
        }
        // The format is used again while arguments remain (if it consumed any).
        if rest.is_empty() || rest.len() == before || stop {
            break;
        }
    }
    match target {
        Some(name) => sh.set(&name, out)?,
        None => sh.write(fd, &out),
    }
    Ok(status)
}
