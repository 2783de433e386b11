// Starts `pm lsp` for Markdown files and hands its diagnostics, quick fixes
// and hovers to VS Code. pm decides which files are postmortems (those under
// the postmortems folder of their .pm.yaml); the others get no diagnostics.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("pm").get("path") || "pm";
  const server = { command, args: ["lsp"] };
  const options = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{.pm.yaml,*.md}"),
    },
  };
  client = new LanguageClient("pm", "pm", server, options);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
