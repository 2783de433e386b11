//! The Zed extension of pm: starts `pm lsp` (the `pm` on the worktree's
//! PATH) for Markdown files.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Pm;

impl zed::Extension for Pm {
    fn new() -> Self {
        Pm
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("pm")
            .ok_or_else(|| "pm is not on the PATH: install it (see the pm README)".to_owned())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_owned()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Pm);
