//! `hashiya render FILE.ron --doc ID_OR_POSITION --width PX --font-size PX --out FILE.png`

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The project file.
    pub project: PathBuf,
    /// Document id, or its 1-based position in the project.
    #[arg(long)]
    pub doc: String,
    /// Width of the text area in pixels.
    #[arg(long, default_value_t = 800)]
    pub width: u32,
    /// Font size in pixels.
    #[arg(long, default_value_t = 22.0)]
    pub font_size: f32,
    /// The PNG file to write.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`render` is not available yet ({:?})", args.out)
}
