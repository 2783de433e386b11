//! `pm lsp` under a real client: Neovim, headless, opens a postmortem with
//! the LSP client it ships (`vim.lsp.start`, or `vim.lsp.start_client` on
//! Neovim before 0.8) and prints `vim.diagnostic.get()`. `.ci/run`
//! installs Neovim (Debian's `neovim`); without it this test fails.

mod common;

use common::lint::write;
use common::tmp;

/// The Lua Neovim runs: start `pm lsp` for the buffer, wait for its
/// diagnostics, print them one per line (`line:column rule message`).
const CHECK: &str = r#"
local config = { name = "pm", cmd = { os.getenv("PM_BIN"), "lsp" }, root_dir = vim.fn.getcwd() }
local buf = vim.api.nvim_get_current_buf()
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, code, d.message))
end
table.sort(lines)
io.stdout:write(table.concat(lines, "\n") .. "\n")
vim.cmd("qa!")
"#;

#[test]
fn neovim_shows_the_diagnostics_of_pm_lsp() {
    let tmp = tmp();
    std::fs::create_dir_all(tmp.path().join(".git")).expect(".git");
    write(
        &tmp,
        "docs/postmortems/a.md",
        "---\ntitle: X\nincident_id: INC-1\ndate: 2026-11-22\nseverity: sev2\nstatus: draft\n---\n\n\
         # X\n\n## Summary\n\n[What happened]\n\n## Timeline\n\n| Time | Event |\n|---|---|\n\
         | 10:00 | Deploy |\n\n## Root Cause\n\nA bug.\n\n## Resolution\n\nRolled back.\n\n\
         ## Action Items\n\n- [ ] Add a test - Owner: Dana Kim - Due: 2027-01-15\n",
    );
    write(&tmp, "check.lua", CHECK);
    let nvim = std::env::var("PM_NEOVIM").unwrap_or_else(|_| "nvim".to_owned());
    let out = std::process::Command::new(&nvim)
        .args([
            "--headless",
            "--clean",
            "-u",
            "NONE",
            "-c",
            "luafile check.lua",
        ])
        .arg("docs/postmortems/a.md")
        .current_dir(tmp.path())
        .env("PM_BIN", assert_cmd::cargo::cargo_bin("pm"))
        .output()
        .unwrap_or_else(|e| {
            panic!("{nvim} does not run ({e}): install Neovim (Debian: apt-get install neovim)")
        });
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "13:1 PM201 unfilled placeholder `[What happened]` (replace the bracketed text with the real content)\n\
         5:11 PM004 severity `sev2` is not in the scale (write it as `SEV-2`)\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
