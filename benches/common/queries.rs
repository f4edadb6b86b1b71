//! The corpus benchmark's queries, shared by `benches/corpus.rs` (the CLI and ripgrep) and
//! `benches/serve.rs` (the web page and its API).

/// The query classes, each query as `newsdex search` arguments and the words a user would
/// give grep for it.
pub const QUERIES: &[(&str, &[&str], &[&str])] = &[
    ("word", &["oil"], &["oil"]),
    ("word", &["election"], &["election"]),
    ("word", &["profit"], &["profit"]),
    ("word", &["football"], &["football"]),
    ("word", &["inflation"], &["inflation"]),
    ("word", &["broadband"], &["broadband"]),
    ("word", &["coffee"], &["coffee"]),
    ("word", &["dividend"], &["dividend"]),
    ("word", &["minister"], &["minister"]),
    ("word", &["tariffs"], &["tariffs"]),
    ("phrase", &["\"interest rates\""], &["interest rates"]),
    ("phrase", &["\"prime minister\""], &["prime minister"]),
    ("phrase", &["\"trade deficit\""], &["trade deficit"]),
    ("phrase", &["\"stock exchange\""], &["stock exchange"]),
    ("phrase", &["\"world cup\""], &["world cup"]),
    ("phrase", &["\"mobile phone\""], &["mobile phone"]),
    ("phrase", &["\"central bank\""], &["central bank"]),
    ("phrase", &["\"chief executive\""], &["chief executive"]),
    ("boolean", &["oil AND prices"], &["oil"]),
    ("boolean", &["gold OR silver"], &["gold", "silver"]),
    ("boolean", &["bank -fraud"], &["bank"]),
    (
        "boolean",
        &["(wheat OR corn) AND exports"],
        &["wheat", "corn"],
    ),
    ("boolean", &["film AND award"], &["film"]),
    ("boolean", &["tax AND budget"], &["budget"]),
    ("boolean", &["+opec +output"], &["opec"]),
    ("boolean", &["merger OR takeover"], &["merger", "takeover"]),
    ("entity", &["--person", "Blair"], &["Blair"]),
    ("entity", &["election", "--person", "Blair"], &["Blair"]),
    ("entity", &["trade", "--place", "Japan"], &["Japan"]),
    ("entity", &["--org", "OPEC"], &["OPEC"]),
    ("entity", &["coffee", "--place", "Brazil"], &["Brazil"]),
    ("entity", &["tax", "--person", "Brown"], &["Brown"]),
    ("entity", &["--org", "Microsoft"], &["Microsoft"]),
    (
        "entity",
        &["--place", "Iraq", "--person", "Bush"],
        &["Iraq"],
    ),
    ("figure", &["--figure", "usd>1e9"], &["billion"]),
    ("figure", &["profit", "--figure", "percent>10"], &["profit"]),
    ("figure", &["--figure", "tonne>1000000"], &["tonnes"]),
    (
        "figure",
        &["takeover", "--figure", "usd>1e6"],
        &["takeover"],
    ),
    (
        "figure",
        &["inflation", "--figure", "percent<2"],
        &["inflation"],
    ),
    ("figure", &["--figure", "job>=1000"], &["jobs"]),
    ("agency", &["oil", "--agency", "reuters"], &["Reuters"]),
    (
        "agency",
        &["--agency", "associated press"],
        &["Associated Press"],
    ),
    ("agency", &["--agency", "afp"], &["AFP"]),
    ("agency", &["election", "--agency", "reuters"], &["Reuters"]),
    ("agency", &["--agency", "xinhua"], &["Xinhua"]),
    (
        "date",
        &["oil", "--since", "1987-03-01", "--until", "1987-03-31"],
        &["oil"],
    ),
    ("date", &["gold", "--since", "1987-04-01"], &["gold"]),
    ("date", &["wheat", "--until", "1987-02-28"], &["wheat"]),
    (
        "date",
        &["shares", "--since", "1987-10-19", "--until", "1987-10-23"],
        &["shares"],
    ),
    (
        "date",
        &["--since", "1987-03-02", "--until", "1987-03-02"],
        &["2-MAR-1987"],
    ),
];

/// The facet class: `newsdex entities ARGS`, counting the entities of every passage a query
/// matches (at 1M passages "said", "year" and "company" each match over 100,000), with the
/// words a user would give grep for it.
pub const FACET_QUERIES: &[&[&str]] = &[
    &[],
    &["said"],
    &["year", "--type", "person"],
    &["company", "--type", "organization"],
    &["market"],
    &["--agency", "reuters", "--type", "place"],
];
