use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let figs: Vec<String> = newsdex::annotate::figures::find(&line)
            .iter()
            .map(|f| {
                format!(
                    "[{} = {} {}{}]",
                    f.text,
                    f.value,
                    f.unit,
                    f.qualifier
                        .as_ref()
                        .map(|q| format!(" ({q})"))
                        .unwrap_or_default()
                )
            })
            .collect();
        println!("{line}\n    -> {}", figs.join(" "));
    }
}
