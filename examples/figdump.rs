use newsdex::annotate::figures::find;
fn main() {
    for dir in std::env::args().skip(1) {
        for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let e = e.unwrap();
            if !e.file_type().is_file() {
                continue;
            }
            let bytes = std::fs::read(e.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                for f in find(line) {
                    println!(
                        "{}\t{}\t{:?}\t{}\t{:?}\t{}..{}",
                        f.text, f.value, f.upper, f.unit, f.qualifier, f.start, f.end
                    );
                }
            }
        }
    }
}
