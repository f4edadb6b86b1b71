//! HTML articles (`.html`, `.htm`): web pages as they are saved from news sites.

mod boilerplate;
pub(super) mod fragment;
mod metadata;
mod page;
mod source;

pub(super) use page::read;
