"""Write README.md from nbs/index.ipynb.

`nbdev_readme` needs Quarto, which cannot be installed on our machines, so this renders the same
content (markdown cells verbatim, code cells as fenced blocks, `#|` directives dropped).
CI runs it and fails when README.md and index.ipynb disagree."""
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root / 'nbs' / 'index.ipynb').read_text(encoding='utf-8'))
parts = ['<!-- Generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->']
for cell in nb['cells']:
    src = ''.join(cell['source']).strip('\n')
    if cell['cell_type'] == 'markdown': parts.append(src)
    elif cell['cell_type'] == 'code':
        lines = [l for l in src.splitlines() if not l.startswith('#|')]
        if any(l.startswith('#| hide') for l in src.splitlines()) or not lines: continue
        body = '\n'.join(lines)
        lang = 'sh' if body.startswith('!') else 'python'
        if lang == 'sh': body = '\n'.join(l[1:] if l.startswith('!') else l for l in lines)
        parts.append(f'```{lang}\n{body}\n```')
(root / 'README.md').write_text('\n\n'.join(parts) + '\n', encoding='utf-8')
