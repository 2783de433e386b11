#!/usr/bin/env bash
# Installs pm for the GitHub Action (action.yml): the release archive for
# this runner when the release has one, its SHA-256 checked; else a build
# from source with `cargo install --locked`. A checksum that does not match
# is an error, never a reason to fall back.
#
# Environment: PM_VERSION (a release tag or a commit; empty: the Action's
# own version, from its Cargo.toml), PM_REPOSITORY (owner/name of the
# Action), PM_ACTION_PATH (the Action's files), RUNNER_OS, RUNNER_ARCH,
# RUNNER_TEMP, GITHUB_PATH; PM_RELEASES, the base address of the release
# downloads (default https://github.com/$PM_REPOSITORY/releases/download).
set -euo pipefail

version=${PM_VERSION:-}
if [ -z "$version" ]; then
  version="v$(sed -n 's/^version = "\(.*\)"$/\1/p' "$PM_ACTION_PATH/Cargo.toml" | head -n 1)"
  source_args=(--path "$PM_ACTION_PATH")
elif [[ "$version" =~ ^[0-9a-f]{40}$ ]]; then
  source_args=(--git "https://github.com/$PM_REPOSITORY" --rev "$version" pm)
else
  source_args=(--git "https://github.com/$PM_REPOSITORY" --tag "$version" pm)
fi

case "${RUNNER_OS:-}-${RUNNER_ARCH:-}" in
  Linux-X64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64) target=aarch64-unknown-linux-musl ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d ' ' -f 1
}

releases=${PM_RELEASES:-https://github.com/$PM_REPOSITORY/releases/download}
work="$RUNNER_TEMP/pm-install"
rm -rf "$work"
mkdir -p "$work"
if [ -n "$target" ]; then
  name="pm-$version-$target"
  if [ "$target" = x86_64-pc-windows-msvc ]; then archive="$name.zip"; else archive="$name.tar.gz"; fi
  if curl --fail --silent --show-error --location --retry 3 -o "$work/$archive" "$releases/$version/$archive" &&
    curl --fail --silent --show-error --location --retry 3 -o "$work/$archive.sha256" "$releases/$version/$archive.sha256"; then
    expected=$(cut -d ' ' -f 1 < "$work/$archive.sha256")
    actual=$(sha256 "$work/$archive")
    if [ "$expected" != "$actual" ]; then
      echo "::error::$archive: SHA-256 $actual, but the release says $expected"
      exit 1
    fi
    case "$archive" in
      *.zip) unzip -q "$work/$archive" -d "$work" ;;
      *) tar -xzf "$work/$archive" -C "$work" ;;
    esac
    echo "$work/$name" >> "$GITHUB_PATH"
    "$work/$name/pm" --version
    exit 0
  fi
  echo "No prebuilt pm $version for $target; building it with cargo."
else
  echo "No prebuilt pm for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; building it with cargo."
fi
cargo install --locked --root "$work/cargo" "${source_args[@]}"
echo "$work/cargo/bin" >> "$GITHUB_PATH"
"$work/cargo/bin/pm" --version
