//! The builtins translated code calls: echo, test / [ ], read, shift's
//! status, and external commands (a side effect, recorded).

use super::{expand, Shell};

/// `echo [-neE] args`
pub fn echo(sh: &mut Shell, fd: i32, args: &[String]) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 0;
    // Only words made entirely of n, e, E are options.
    while i < args.len() {
        let a = &args[i];
        if a.len() < 2
            || !a.starts_with('-')
            || !a[1..].chars().all(|c| matches!(c, 'n' | 'e' | 'E'))
        {
            break;
        }
        for c in a[1..].chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let mut text = args[i..].join(" ");
    if escapes {
        let (expanded, stop) = backslash_escapes(&text, true);
        text = expanded;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    sh.write(fd, &text);
    0
}

/// echo -e / printf %b escapes; the bool is true when `\c` stopped the output.
pub fn backslash_escapes(text: &str, echo_octal: bool) -> (String, bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' || i + 1 == chars.len() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let e = chars[i + 1];
        i += 2;
        match e {
            'c' => return (out, true),
            '0'..='7' => i = octal_escape(&chars, i, e, echo_octal, &mut out),
            'x' | 'u' | 'U' => i = hex_escape(&chars, i, e, &mut out),
            other => match simple_escape(other) {
                Some(c) => out.push(c),
                None => {
                    out.push('\\');
                    out.push(other);
                }
            },
        }
    }
    (out, false)
}

/// The character a one-letter escape stands for.
fn simple_escape(e: char) -> Option<char> {
    Some(match e {
        'a' => '\x07',
        'b' => '\x08',
        'e' | 'E' => '\x1b',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        '\\' => '\\',
        _ => return None,
    })
}

/// Up to `max` digits in `radix` from `chars[at..]`: their value and how many.
fn digits_at(chars: &[char], at: usize, max: usize, radix: u32) -> (u32, usize) {
    let mut value = 0u32;
    let mut n = 0;
    while n < max && at + n < chars.len() && chars[at + n].is_digit(radix) {
        value = value
            .wrapping_mul(radix)
            .wrapping_add(chars[at + n].to_digit(radix).unwrap_or(0));
        n += 1;
    }
    (value, n)
}

/// `\0nnn` (echo: up to three digits after the 0) or `\nnn` (printf %b);
/// `i` is just after the escape's letter. Returns where reading goes on.
fn octal_escape(chars: &[char], i: usize, e: char, echo_octal: bool, out: &mut String) -> usize {
    if echo_octal && e != '0' {
        out.push('\\');
        out.push(e);
        return i;
    }
    let start = if echo_octal { i } else { i - 1 };
    let (value, n) = digits_at(chars, start, 3, 8);
    out.push(char::from_u32(value & 0xff).unwrap_or('\0'));
    start + n
}

/// `\xHH`, `\uHHHH`, `\UHHHHHHHH`; without a digit the escape stays as written.
fn hex_escape(chars: &[char], i: usize, e: char, out: &mut String) -> usize {
    let max = match e {
        'x' => 2,
        'u' => 4,
        _ => 8,
    };
    let (value, n) = digits_at(chars, i, max, 16);
    if n == 0 {
        out.push('\\');
        out.push(e);
    } else if e == 'x' {
        out.push(char::from_u32(value).unwrap_or('\0'));
    } else {
        out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
    }
    i + n
}

/// An integer as `test` reads one: optional blanks and sign, decimal digits.
pub fn test_integer(text: &str) -> Option<i64> {
    let t = text.trim_matches(|c| c == ' ' || c == '\t' || c == '\n');
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse::<i64>().ok()
}

const UNARY: [&str; 24] = [
    "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x",
    "-G", "-L", "-N", "-O", "-S", "-n", "-z", "-v",
];
const BINARY: [&str; 13] = [
    "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot",
];

struct TestError(String);

fn unary(sh: &Shell, op: &str, arg: &str) -> Result<bool, TestError> {
    let meta = || std::fs::metadata(arg);
    Ok(match op {
        "-n" => !arg.is_empty(),
        "-z" => arg.is_empty(),
        "-v" => sh.is_set(arg),
        "-e" | "-a" => meta().is_ok(),
        "-f" => meta().is_ok_and(|m| m.is_file()),
        "-d" => meta().is_ok_and(|m| m.is_dir()),
        "-s" => meta().is_ok_and(|m| m.len() > 0),
        "-h" | "-L" => std::fs::symlink_metadata(arg).is_ok_and(|m| m.file_type().is_symlink()),
        "-r" | "-w" | "-x" => {
            use std::os::unix::fs::PermissionsExt;
            let bit = match op {
                "-r" => 0o444,
                "-w" => 0o222,
                _ => 0o111,
            };
            meta().is_ok_and(|m| m.permissions().mode() & bit != 0)
        }
        "-t" => false,
        _ => {
            return Err(TestError(format!(
                "{op}: unary operator not supported here"
            )))
        }
    })
}

fn binary(left: &str, op: &str, right: &str) -> Result<bool, TestError> {
    let int = |s: &str| {
        test_integer(s).ok_or_else(|| TestError(format!("{s}: integer expression expected")))
    };
    Ok(match op {
        "=" | "==" => left == right,
        "!=" => left != right,
        "<" => left < right,
        ">" => left > right,
        "-eq" => int(left)? == int(right)?,
        "-ne" => int(left)? != int(right)?,
        "-lt" => int(left)? < int(right)?,
        "-le" => int(left)? <= int(right)?,
        "-gt" => int(left)? > int(right)?,
        "-ge" => int(left)? >= int(right)?,
        _ => {
            return Err(TestError(format!(
                "{op}: binary operator not supported here"
            )))
        }
    })
}

/// `test args` / `[ args ]` (without the closing bracket): 0, 1, or 2 on a usage error.
pub fn test(sh: &mut Shell, args: &[String]) -> i32 {
    match test_args(sh, args) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(TestError(message)) => {
            sh.err.push_str(&format!("bash: test: {message}\n"));
            2
        }
    }
}

/// `[ args ]`: checks the closing bracket first.
pub fn bracket(sh: &mut Shell, args: &[String]) -> i32 {
    match args.split_last() {
        Some((last, rest)) if last == "]" => test(sh, rest),
        _ => {
            sh.err.push_str("bash: [: missing `]'\n");
            2
        }
    }
}

fn test_args(sh: &Shell, a: &[String]) -> Result<bool, TestError> {
    let s: Vec<&str> = a.iter().map(String::as_str).collect();
    // POSIX decides by the number of arguments.
    match s.len() {
        0 => Ok(false),
        1 => Ok(!s[0].is_empty()),
        2 => {
            if s[0] == "!" {
                return Ok(s[1].is_empty());
            }
            if UNARY.contains(&s[0]) {
                return unary(sh, s[0], s[1]);
            }
            Err(TestError(format!("{}: unary operator expected", s[0])))
        }
        3 => {
            if BINARY.contains(&s[1]) {
                return binary(s[0], s[1], s[2]);
            }
            if s[1] == "-a" {
                return Ok(!s[0].is_empty() && !s[2].is_empty());
            }
            if s[1] == "-o" {
                return Ok(!s[0].is_empty() || !s[2].is_empty());
            }
            if s[0] == "!" {
                return test_args(sh, &a[1..]).map(|r| !r);
            }
            if s[0] == "(" && s[2] == ")" {
                return Ok(!s[1].is_empty());
            }
            Err(TestError(format!("{}: binary operator expected", s[1])))
        }
        4 if s[0] == "!" => test_args(sh, &a[1..]).map(|r| !r),
        4 if s[0] == "(" && s[3] == ")" => test_args(sh, &a[1..3]),
        _ => {
            let mut p = TestParser { sh, s: &s, i: 0 };
            let r = p.or()?;
            if p.i < s.len() {
                return Err(TestError(format!("{}: too many arguments", s[p.i])));
            }
            Ok(r)
        }
    }
}

struct TestParser<'a> {
    sh: &'a Shell,
    s: &'a [&'a str],
    i: usize,
}

impl TestParser<'_> {
    fn or(&mut self) -> Result<bool, TestError> {
        let mut r = self.and()?;
        while self.s.get(self.i) == Some(&"-o") {
            self.i += 1;
            let rhs = self.and()?;
            r = r || rhs;
        }
        Ok(r)
    }

    fn and(&mut self) -> Result<bool, TestError> {
        let mut r = self.not()?;
        while self.s.get(self.i) == Some(&"-a") {
            self.i += 1;
            let rhs = self.not()?;
            r = r && rhs;
        }
        Ok(r)
    }

    fn not(&mut self) -> Result<bool, TestError> {
        if self.s.get(self.i) == Some(&"!") {
            self.i += 1;
            return self.not().map(|r| !r);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<bool, TestError> {
        let s = self.s;
        let Some(&first) = s.get(self.i) else {
            return Err(TestError("argument expected".into()));
        };
        if first == "(" {
            self.i += 1;
            let r = self.or()?;
            if s.get(self.i) != Some(&")") {
                return Err(TestError("`)' expected".into()));
            }
            self.i += 1;
            return Ok(r);
        }
        if let (Some(&op), Some(&right)) = (s.get(self.i + 1), s.get(self.i + 2)) {
            if BINARY.contains(&op) {
                self.i += 3;
                return binary(first, op, right);
            }
        }
        if UNARY.contains(&first) {
            if let Some(&arg) = s.get(self.i + 1) {
                self.i += 2;
                return unary(self.sh, first, arg);
            }
        }
        self.i += 1;
        Ok(!first.is_empty())
    }
}

/// The options of one `read`.
struct ReadOptions {
    raw: bool,
    array: Option<String>,
    delimiter: char,
    names: Vec<String>,
}

fn read_options(args: &[String]) -> ReadOptions {
    let mut o = ReadOptions {
        raw: false,
        array: None,
        delimiter: '\n',
        names: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let has_value = i + 1 < args.len();
        match args[i].as_str() {
            "-r" => o.raw = true,
            "-a" if has_value => {
                o.array = Some(args[i + 1].clone());
                i += 1;
            }
            "-d" if has_value => {
                o.delimiter = args[i + 1].chars().next().unwrap_or('\0');
                i += 1;
            }
            "-p" if has_value => i += 1,
            "-s" => {}
            _ => o.names.push(args[i].clone()),
        }
        i += 1;
    }
    o
}

/// One logical line (without -r a backslash at the end joins the next):
/// the text and whether its delimiter was seen; None at end of input.
fn read_logical_line(sh: &mut Shell, delimiter: char, raw: bool) -> Option<(String, bool)> {
    let mut line = String::new();
    let mut any = false;
    while let Some((part, ended)) = sh.read_line(delimiter) {
        any = true;
        if !raw && part.ends_with('\\') && ended && !part.ends_with("\\\\") {
            line.push_str(&part[..part.len() - 1]);
            continue;
        }
        line.push_str(&part);
        return Some((line, ended));
    }
    any.then_some((line, false))
}

/// Without -r a backslash escapes the character after it.
fn read_unescape(s: &str, raw: bool) -> String {
    if raw {
        return s.to_string();
    }
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
        } else if let Some(n) = chars.next() {
            out.push(n);
        }
    }
    out
}

/// `read [-r] [-a name] [-d delim] [names...]`: 1 at end of input.
pub fn read(sh: &mut Shell, args: &[String]) -> Result<i32, super::Abort> {
    let o = read_options(args);
    let Some((line, complete)) = read_logical_line(sh, o.delimiter, o.raw) else {
        for name in &o.names {
            sh.set(name, String::new())?;
        }
        return Ok(1);
    };
    let status = if complete { 0 } else { 1 };
    let ifs = expand::ifs(sh);
    if let Some(array) = o.array {
        let fields = split_read(&line, &ifs, usize::MAX);
        let items = fields
            .iter()
            .map(|f| (None, read_unescape(f, o.raw)))
            .collect();
        sh.set_array(&array, items, false)?;
        return Ok(status);
    }
    if o.names.is_empty() {
        sh.set("REPLY", read_unescape(&line, o.raw))?;
        return Ok(status);
    }
    let fields = split_read(&line, &ifs, o.names.len());
    for (k, name) in o.names.iter().enumerate() {
        let value = fields
            .get(k)
            .map(|f| read_unescape(f, o.raw))
            .unwrap_or_default();
        sh.set(name, value)?;
    }
    Ok(status)
}

/// Splits a line for `read`: at most `max` fields, the last one taking the
/// rest of the line (trailing IFS whitespace removed).
fn split_read(line: &str, ifs: &str, max: usize) -> Vec<String> {
    let is_white = |c: char| ifs.contains(c) && (c == ' ' || c == '\t' || c == '\n');
    let is_delim = |c: char| ifs.contains(c);
    let chars: Vec<char> = line.chars().collect();
    let mut i = skip_white(&chars, 0, &is_white);
    let mut fields = Vec::new();
    while i < chars.len() {
        if fields.len() + 1 == max {
            fields.push(last_read_field(&chars[i..], &is_white, &is_delim));
            return fields;
        }
        let start = i;
        while i < chars.len() && !is_delim(chars[i]) {
            i += 1;
        }
        fields.push(chars[start..i].iter().collect());
        // Skip one delimiter with the whitespace around it.
        i = skip_white(&chars, i, &is_white);
        if i < chars.len() && is_delim(chars[i]) && !is_white(chars[i]) {
            i = skip_white(&chars, i + 1, &is_white);
        }
    }
    fields
}

fn skip_white(chars: &[char], mut i: usize, is_white: &dyn Fn(char) -> bool) -> usize {
    while i < chars.len() && is_white(chars[i]) {
        i += 1;
    }
    i
}

/// The rest of the line as the last field: trailing IFS whitespace removed,
/// and a single trailing non-whitespace delimiter too.
fn last_read_field(
    rest: &[char],
    is_white: &dyn Fn(char) -> bool,
    is_delim: &dyn Fn(char) -> bool,
) -> String {
    let mut rest = rest.to_vec();
    while rest.last().is_some_and(|&c| is_white(c)) {
        rest.pop();
    }
    let hard = |c: &char| is_delim(*c) && !is_white(*c);
    if rest.last().is_some_and(hard) && rest.iter().filter(|c| hard(c)).count() == 1 {
        rest.pop();
    }
    rest.iter().collect()
}

/// An external command: run for real (it is a side effect, and recorded).
pub fn external(sh: &mut Shell, args: &[String], stdin: Option<String>) -> i32 {
    use std::io::Write;
    use std::process::{Command, Stdio};
    sh.effects.push(format!("run {}", args.join(" ")));
    let mut command = Command::new(&args[0]);
    command.args(&args[1..]).stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = command.spawn();
    let Ok(mut child) = child else {
        sh.err
            .push_str(&format!("bash: {}: command not found\n", args[0]));
        return 127;
    };
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let _ = pipe.write_all(text.as_bytes());
    }
    let Ok(output) = child.wait_with_output() else {
        return 126;
    };
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    sh.write(1, &out);
    sh.err.push_str(&String::from_utf8_lossy(&output.stderr));
    output.status.code().unwrap_or(128)
}

/// `return N` / `exit N`: the status (N modulo 256; none: `$?`).
pub fn exit_value(sh: &mut Shell, args: &[String]) -> i32 {
    match args.first() {
        None => sh.status,
        Some(a) => match test_integer(a) {
            Some(n) => (n & 0xff) as i32,
            None => {
                sh.err
                    .push_str(&format!("bash: return: {a}: numeric argument required\n"));
                2
            }
        },
    }
}

/// `let expr...`: 0 when the last value is non-zero.
pub fn let_builtin(sh: &mut Shell, args: &[String]) -> i32 {
    if args.is_empty() {
        sh.err.push_str("bash: let: expression expected\n");
        return 1;
    }
    let mut last = 0;
    for a in args {
        last = sh.eval(a);
    }
    sh.arith_status(last)
}

/// Runs a builtin (or, failing that, an external command) on expanded words.
pub fn run(sh: &mut Shell, argv: &[String]) -> Result<i32, super::Abort> {
    let args = &argv[1..];
    Ok(match argv[0].as_str() {
        "echo" => echo(sh, 1, args),
        "printf" => super::printf::printf(sh, 1, args)?,
        "[" => bracket(sh, args),
        "test" => test(sh, args),
        "true" | ":" => 0,
        "false" => 1,
        "return" | "exit" => exit_value(sh, args),
        "shift" => match args.first() {
            None => sh.shift(1),
            Some(n) => match test_integer(n) {
                Some(k) if k >= 0 => sh.shift(k as usize),
                _ => {
                    sh.err
                        .push_str(&format!("bash: shift: {n}: numeric argument required\n"));
                    1
                }
            },
        },
        "set" => {
            // Only `set -- args` reaches here (the translation refuses other options).
            let rest = if args.first().is_some_and(|a| a == "--") {
                &args[1..]
            } else {
                args
            };
            sh.set_args(rest.to_vec());
            0
        }
        "unset" => {
            let mut status = 0;
            let mut names = args;
            while let Some(flag) = names.first().filter(|a| a.starts_with('-') && a.len() > 1) {
                if flag == "--" {
                    names = &names[1..];
                    break;
                }
                if !flag[1..].chars().all(|c| matches!(c, 'v' | 'f' | 'n')) {
                    sh.err
                        .push_str(&format!("bash: unset: {flag}: invalid option\n"));
                    return Ok(2);
                }
                names = &names[1..];
            }
            for name in names {
                status |= sh.unset(name);
            }
            status
        }
        "let" => let_builtin(sh, args),
        "getopts" => getopts(sh, args)?,
        "read" => read(sh, args)?,
        _ => {
            let input = sh.remaining_stdin();
            external(sh, argv, (!input.is_empty()).then_some(input))
        }
    })
}

/// `getopts optstring name [args]`, with OPTIND and OPTARG as bash keeps them
/// (a cluster like `-ab` is read one letter per call).
pub fn getopts(sh: &mut Shell, args: &[String]) -> Result<i32, super::Abort> {
    if args.len() < 2 {
        sh.err
            .push_str("bash: getopts: usage: getopts optstring name [arg ...]\n");
        return Ok(2);
    }
    let (optstring, name) = (&args[0], &args[1]);
    let params: Vec<String> = if args.len() > 2 {
        args[2..].to_vec()
    } else {
        sh.args().to_vec()
    };
    let silent = optstring.starts_with(':');
    let mut optind = sh.var("OPTIND").trim().parse::<usize>().unwrap_or(1).max(1);
    // A script that sets OPTIND itself starts over at the first letter.
    let mut letter = if sh.getopts_at.0 == optind {
        sh.getopts_at.1
    } else {
        1
    };
    let finish = |sh: &mut Shell, optind: usize, letter: usize| -> Result<(), super::Abort> {
        sh.getopts_at = (optind, letter);
        sh.set("OPTIND", optind.to_string())
    };
    let word: Vec<char> = params
        .get(optind - 1)
        .map(|w| w.chars().collect())
        .unwrap_or_default();
    let at_option = optind <= params.len() && word.len() > 1 && word[0] == '-';
    if !at_option || (letter == 1 && word == ['-', '-']) {
        if at_option {
            optind += 1;
        }
        sh.set(name, "?".into())?;
        finish(sh, optind, 1)?;
        return Ok(1);
    }
    let c = word[letter.min(word.len() - 1)];
    letter += 1;
    let last_letter = letter >= word.len();
    let known = if c == ':' { None } else { optstring.find(c) };
    match known {
        None => {
            if silent {
                sh.set("OPTARG", c.to_string())?;
            } else {
                sh.err.push_str(&format!("bash: illegal option -- {c}\n"));
                sh.unset("OPTARG");
            }
            sh.set(name, "?".into())?;
        }
        Some(at) if optstring[at + c.len_utf8()..].starts_with(':') => {
            if !last_letter {
                sh.set("OPTARG", word[letter..].iter().collect())?;
                optind += 1;
            } else if optind < params.len() {
                sh.set("OPTARG", params[optind].clone())?;
                optind += 2;
            } else if silent {
                sh.set("OPTARG", c.to_string())?;
                sh.set(name, ":".into())?;
                optind += 1;
                finish(sh, optind, 1)?;
                return Ok(0);
            } else {
                sh.err
                    .push_str(&format!("bash: option requires an argument -- {c}\n"));
                sh.unset("OPTARG");
                sh.set(name, "?".into())?;
                optind += 1;
                finish(sh, optind, 1)?;
                return Ok(0);
            }
            sh.set(name, c.to_string())?;
            finish(sh, optind, 1)?;
            return Ok(0);
        }
        Some(_) => {
            sh.unset("OPTARG");
            sh.set(name, c.to_string())?;
        }
    }
    if last_letter {
        optind += 1;
        letter = 1;
    }
    finish(sh, optind, letter)?;
    Ok(0)
}
