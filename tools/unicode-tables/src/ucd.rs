//! Reading the Unicode Character Database's text files.

use std::error::Error;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

/// The lines of a UCD file that give a value to a range of code points.
pub type Ranges = Vec<(RangeInclusive<u32>, String)>;

/// The folder of UCD files, all of one version.
pub struct Ucd {
    dir: PathBuf,
    version: (u32, u32, u32),
}

impl Ucd {
    pub fn open(dir: &Path, version: (u32, u32, u32)) -> Result<Ucd, Box<dyn Error>> {
        if !dir.is_dir() {
            return Err(format!("{}: no such folder", dir.display()).into());
        }
        Ok(Ucd {
            dir: dir.to_owned(),
            version,
        })
    }

    /// The text of a file, checked to be of the database's version: its first lines name it
    /// (`# Scripts-17.0.0.txt`, or `# Version: 17.0` in the emoji files).
    fn read(&self, name: &str) -> Result<String, Box<dyn Error>> {
        let path = self.dir.join(name.rsplit('/').next().unwrap_or(name));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (major, minor, update) = self.version;
        let stem = name
            .rsplit('/')
            .next()
            .unwrap_or(name)
            .trim_end_matches(".txt");
        let head: Vec<&str> = text.lines().take(12).collect();
        let named = head
            .iter()
            .any(|l| *l == format!("# {stem}-{major}.{minor}.{update}.txt"))
            || head
                .iter()
                .any(|l| *l == format!("# Version: {major}.{minor}"));
        if !named {
            return Err(format!(
                "{}: not of Unicode {major}.{minor}.{update} (its first lines do not say so)",
                path.display()
            )
            .into());
        }
        Ok(text)
    }

    /// The data lines of a file as their `;`-separated fields, trimmed, comments dropped.
    pub fn fields(&self, name: &str) -> Result<Vec<Vec<String>>, Box<dyn Error>> {
        let text = self.read(name)?;
        Ok(text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split(';').map(|f| f.trim().to_owned()).collect())
            .collect())
    }

    /// The lines `XXXX..YYYY ; value` of a file: each range with its field number
    /// `1 + field` (the first field after the code points when `field` is 0).
    pub fn ranges(&self, name: &str, field: usize) -> Result<Ranges, Box<dyn Error>> {
        self.fields(name)?
            .into_iter()
            .map(|fields| {
                let range = fields.first().ok_or("an empty line")?;
                let value = fields
                    .get(1 + field)
                    .ok_or_else(|| format!("{name}: a line without field {}", 1 + field))?;
                let range = match range.split_once("..") {
                    Some((lo, hi)) => hex(lo)?..=hex(hi)?,
                    None => hex(range)?..=hex(range)?,
                };
                Ok((range, value.clone()))
            })
            .collect()
    }
}

/// A hexadecimal code point.
pub fn hex(text: &str) -> Result<u32, Box<dyn Error>> {
    u32::from_str_radix(text.trim(), 16).map_err(|e| format!("{text:?}: {e}").into())
}
