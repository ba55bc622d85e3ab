//! Writing Rust source.

/// Rust source being written.
pub struct Rust(String);

impl Rust {
    pub fn new(header: &str) -> Rust {
        Rust(header.to_owned())
    }

    pub fn line(&mut self, line: &str) {
        self.0.push_str(line);
        self.0.push('\n');
    }

    /// `declaration = [ ... ];`, where `{}` in the declaration is the number of items, with
    /// `per_line` items on each line.
    pub fn array<T>(
        &mut self,
        declaration: &str,
        items: &[T],
        per_line: usize,
        item: impl Fn(&T) -> String,
    ) {
        self.line(&format!(
            "{} = [",
            declaration.replace("{}", &items.len().to_string())
        ));
        for chunk in items.chunks(per_line) {
            let line: Vec<String> = chunk.iter().map(|x| format!("{},", item(x))).collect();
            self.line(&format!("    {}", line.join(" ")));
        }
        self.line("];");
    }

    pub fn finish(self) -> String {
        self.0
    }
}
