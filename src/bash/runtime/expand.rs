//! Word expansion into fields: IFS splitting of unquoted expansions,
//! "$@" giving one field per parameter, pathname expansion of unquoted
//! glob characters, and the empty-field rules of bash(1), EXPANSION.

use super::{pattern, Shell};

#[derive(Debug, Default, Clone)]
struct Field {
    text: String,
    /// The field as a glob pattern (quoted characters escaped).
    pattern: String,
    glob: bool,
    /// Something (even "") was quoted, or a literal was added: the field exists.
    exists: bool,
}

/// Builds the fields of one word, part by part.
#[derive(Debug, Default)]
pub struct Fields {
    done: Vec<Field>,
    current: Field,
    /// The last thing added was an IFS delimiter of this kind (None: text).
    after_delimiter: Option<bool>,
}

impl Fields {
    pub fn new() -> Fields {
        Fields::default()
    }

    /// Unquoted literal text: globbed, never split.
    pub fn lit(&mut self, text: &str) -> &mut Fields {
        for c in text.chars() {
            self.push_char(c, false);
        }
        self.current.exists = true;
        self.after_delimiter = None;
        self
    }

    /// Quoted text: neither split nor globbed.
    pub fn quoted(&mut self, text: &str) -> &mut Fields {
        for c in text.chars() {
            self.push_char(c, true);
        }
        self.current.exists = true;
        self.after_delimiter = None;
        self
    }

    /// An unquoted expansion: split on IFS, then globbed.
    pub fn split(&mut self, text: &str, ifs: &str) -> &mut Fields {
        if ifs.is_empty() {
            for c in text.chars() {
                self.push_char(c, false);
            }
            if !text.is_empty() {
                self.current.exists = true;
                self.after_delimiter = None;
            }
            return self;
        }
        for c in text.chars() {
            if ifs.contains(c) {
                self.ifs_char(c == ' ' || c == '\t' || c == '\n');
            } else {
                self.push_char(c, false);
                self.current.exists = true;
                self.after_delimiter = None;
            }
        }
        self
    }

    /// One IFS character met while splitting: whitespace ends a field that
    /// has begun; any other IFS character ends a field even when it is empty
    /// (but only once after whitespace).
    fn ifs_char(&mut self, white: bool) {
        if self.current.exists {
            self.end_field();
            self.after_delimiter = Some(!white);
        } else if white {
            // Leading or repeated whitespace: nothing.
        } else if self.after_delimiter == Some(false) {
            // Whitespace then a delimiter: one delimiter.
            self.after_delimiter = Some(true);
        } else {
            self.end_field_even_empty();
            self.after_delimiter = Some(true);
        }
    }

    /// "$@" / "${a[@]}": one field per item, the first and last joined to
    /// the text around them.
    pub fn quoted_list(&mut self, items: &[String]) -> &mut Fields {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.end_field_even_empty();
            }
            self.quoted(item);
        }
        self
    }

    /// $@ / ${a[@]} unquoted: each item split on its own.
    pub fn split_list(&mut self, items: &[String], ifs: &str) -> &mut Fields {
        for (i, item) in items.iter().enumerate() {
            if i > 0 && self.current.exists {
                self.end_field();
            }
            self.split(item, if ifs.is_empty() { " " } else { ifs });
        }
        self
    }

    fn push_char(&mut self, c: char, quoted: bool) {
        self.current.text.push(c);
        if quoted {
            self.current
                .pattern
                .push_str(&pattern::escape(&c.to_string()));
        } else {
            if matches!(c, '*' | '?' | '[') {
                self.current.glob = true;
            }
            if c == '\\' {
                self.current.pattern.push('\\');
            }
            self.current.pattern.push(c);
        }
    }

    fn end_field(&mut self) {
        let field = std::mem::take(&mut self.current);
        self.done.push(field);
    }

    fn end_field_even_empty(&mut self) {
        self.current.exists = true;
        self.end_field();
    }

    /// The fields, with pathname expansion applied.
    pub fn finish(mut self, sh: &Shell) -> Vec<String> {
        if self.current.exists {
            self.end_field();
        }
        let mut out = Vec::new();
        for field in self.done {
            if field.glob && !sh.noglob {
                let found = glob_cwd(&field.pattern);
                if !found.is_empty() {
                    out.extend(found);
                    continue;
                }
            }
            out.push(field.text);
        }
        out
    }

    /// Appends the fields to `out`.
    pub fn into(self, sh: &Shell, out: &mut Vec<String>) {
        out.extend(self.finish(sh));
    }
}

/// Pathname expansion: each '/'-separated component with a glob character
/// is matched against the entries of the directories so far, in name order;
/// names starting with '.' only match a pattern that starts with '.'.
fn glob_cwd(pattern_text: &str) -> Vec<String> {
    let absolute = pattern_text.starts_with('/');
    let components: Vec<&str> = pattern_text.split('/').filter(|c| !c.is_empty()).collect();
    let mut found: Vec<String> = vec![if absolute {
        "/".to_string()
    } else {
        String::new()
    }];
    for (i, component) in components.iter().enumerate() {
        let last = i + 1 == components.len();
        found = found
            .iter()
            .flat_map(|prefix| glob_component(prefix, component, last))
            .collect();
    }
    // A pattern ending in '/' keeps it; a match must have used a glob.
    if pattern_text.ends_with('/') {
        found = found
            .into_iter()
            .map(|f| if f.ends_with('/') { f } else { f + "/" })
            .collect();
    }
    found.retain(|f| f != "/" && !f.is_empty());
    found
}

/// The paths one component of a pattern gives below `prefix` (a directory,
/// "" for the working directory): directories get a '/' unless `last`.
fn glob_component(prefix: &str, component: &str, last: bool) -> Vec<String> {
    let keep = |path: String| {
        if last {
            Some(path)
        } else if std::path::Path::new(&path).is_dir() {
            Some(path + "/")
        } else {
            None
        }
    };
    if !pattern::has_glob(component) {
        return keep(format!("{prefix}{}", pattern::unescape(component)))
            .into_iter()
            .collect();
    }
    let dir = if prefix.is_empty() { "." } else { prefix };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.') || component.starts_with('.'))
        .filter(|name| pattern::matches(component, name))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| keep(format!("{prefix}{name}")))
        .collect()
}

/// `$*` / `${a[*]}` in quotes: joined by the first character of IFS.
pub fn join_star(items: &[String], ifs: Option<&str>) -> String {
    let separator = match ifs {
        None => " ".to_string(),
        Some(s) => s.chars().next().map(String::from).unwrap_or_default(),
    };
    items.join(&separator)
}

/// IFS as splitting sees it (unset: space, tab, newline).
pub fn ifs(sh: &Shell) -> String {
    if sh.is_set("IFS") {
        sh.var("IFS")
    } else {
        " \t\n".to_string()
    }
}

/// `${#v}`: characters, not bytes.
pub fn length(text: &str) -> String {
    text.chars().count().to_string()
}

/// `${v:offset:length}` on characters, with bash's negative offsets and lengths.
pub fn substring(text: &str, offset: i64, length: Option<i64>) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len() as i64;
    let start = if offset < 0 { n + offset } else { offset };
    if start < 0 || start > n {
        return Some(String::new());
    }
    let end = match length {
        None => n,
        Some(l) if l < 0 => {
            let e = n + l;
            if e < start {
                return None; // bash: substring expression < 0
            }
            e
        }
        Some(l) => (start + l).min(n),
    };
    Some(chars[start as usize..end as usize].iter().collect())
}

/// `${a[@]:offset:length}` on the elements.
pub fn slice(items: &[String], offset: i64, length: Option<i64>) -> Option<Vec<String>> {
    let n = items.len() as i64;
    let start = if offset < 0 { n + offset } else { offset };
    if start < 0 || start > n {
        return Some(Vec::new());
    }
    let end = match length {
        None => n,
        Some(l) if l < 0 => return None,
        Some(l) => (start + l).min(n),
    };
    Some(items[start as usize..end as usize].to_vec())
}

/// `${v^^}` and friends, one character at a time as bash does.
pub fn case_map(text: &str, upper: bool, all: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if i > 0 && !all {
            out.push(c);
            continue;
        }
        let mapped: Vec<char> = if upper {
            c.to_uppercase().collect()
        } else {
            c.to_lowercase().collect()
        };
        if mapped.len() == 1 {
            out.push(mapped[0]);
        } else {
            out.push(c);
        }
    }
    out
}
