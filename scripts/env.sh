# Sourced by the scripts: puts the project's tools first on PATH and keeps trunk offline.
ONTAP_TOOLS_DIR="${ONTAP_TOOLS_DIR:-$HOME/.local/share/ontap-tools}"
export ONTAP_TOOLS_DIR
export PATH="$ONTAP_TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
