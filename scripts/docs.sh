#!/usr/bin/env bash
# `make docs`: the collection's docs site with antsibull-docs and Sphinx, offline. Module, role and guide pages
# (docs/docsite/), Sphinx warnings are errors (nitpicky: every internal reference must resolve), then every link
# between the built pages is checked, anchors included; links out of the site are listed, not fetched.
#   scripts/docs.sh LINT_VENV COLLECTION_COPY DEST
set -euo pipefail
venv="$(cd "${1:?usage: docs.sh LINT_VENV COLLECTION_COPY DEST}" && pwd)"
coll="$(cd "${2:?}" && pwd)"
dest="${3:?}"
export PATH="$venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$(cd "$coll/../../.." && pwd)"
unset PYTHONPATH

step() { printf '\n--- %s\n' "$*"; }

step "antsibull-docs lint-collection-docs (plugin docs, extra docs and their references)"
(cd "$coll" && antsibull-docs lint-collection-docs --plugin-docs --check-extra-docs-refs --validate-collection-refs self \
    --disallow-unknown-collection-refs .)

step "antsibull-docs sphinx-init + build.sh (Sphinx -W, nitpicky) into $dest"
rm -rf "$dest"
mkdir -p "$dest"
antsibull-docs sphinx-init --use-current --fail-on-error --dest-dir "$dest" --project infisical.secret_rotation \
    --copyright "infisical.secret_rotation contributors" --title "infisical.secret_rotation" \
    --index-rst-source "$coll/docs/docsite/index.rst" infisical.secret_rotation >/dev/null
# Offline: no inventory is fetched. The generated pages refer to two labels of Ansible's own docsite; a local
# inventory names them (with their docs.ansible.com addresses), so nitpicky mode can check every other reference.
python3 - "$dest/ansible_devel.inv" <<'PYTHON'
import sys
import zlib

labels = [
    ("ansible_configuration_settings", "reference_appendices/config.html#ansible-configuration-settings",
     "Ansible Configuration Settings"),
    ("common_return_values", "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
]
body = "".join(f"{name} std:label -1 {uri} {title}\n" for name, uri, title in labels)
with open(sys.argv[1], "wb") as handle:
    handle.write(b"# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
                 b"# The remainder of this file is compressed using zlib.\n" + zlib.compress(body.encode()))
PYTHON
printf '\nintersphinx_mapping = {"ansible_devel": ("https://docs.ansible.com/projects/ansible/devel/", "%s")}\n' \
    "$dest/ansible_devel.inv" >>"$dest/conf.py"
"$dest/build.sh"

step "links between the built pages"
python3 - "$dest/build/html" <<'PYTHON'
import html.parser
import os
import sys
import urllib.parse

root = sys.argv[1]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])


pages = {}
for folder, _dirs, files in os.walk(root):
    for name in files:
        if name.endswith(".html"):
            path = os.path.normpath(os.path.join(folder, name))
            page = Page()
            with open(path, encoding="utf-8") as handle:
                page.feed(handle.read())
            pages[path] = page

broken, outside = [], set()
for path, page in pages.items():
    for link in page.links:
        parts = urllib.parse.urlsplit(link)
        if parts.scheme or link.startswith("//"):
            outside.add(link)
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(parts.path))) if parts.path else path
        if not os.path.exists(target):
            broken.append(f"{os.path.relpath(path, root)}: {link} (no such file)")
        elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
            broken.append(f"{os.path.relpath(path, root)}: {link} (no such anchor)")
print(f"{len(pages)} pages, {sum(len(page.links) for page in pages.values())} links; {len(outside)} distinct links out of the site")
if broken:
    print("broken links:\n  " + "\n  ".join(broken))
    sys.exit(1)
PYTHON
