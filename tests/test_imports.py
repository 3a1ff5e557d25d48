"""The package's chapters import only earlier chapters: a walk over the imports of `snn_chat/*.py`, lazy ones included."""
import ast, re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1]/'snn_chat'

def chapter(module:Path) -> tuple:
    "(number, letter) of the notebook a module is exported from: 05a_demo -> (5, 'a')."
    m = re.search(r'File to edit: \.\./nbs/(\d+)([a-z]?)_\w+\.ipynb', module.read_text(encoding='utf-8'))
    assert m, f"{module.name}: no 'File to edit' header (is it exported by nbdev?)"
    return int(m[1]), m[2]

def imported(module:Path) -> set:
    "Names of the snn_chat modules `module` imports anywhere in its code (top level or inside a function)."
    out = set()
    for node in ast.walk(ast.parse(module.read_text(encoding='utf-8'))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module: out.add(node.module.split('.')[0])
            elif node.level == 1: out.update(a.name for a in node.names)
            elif node.module and node.module.split('.')[0] == 'snn_chat':
                parts = node.module.split('.')
                out.update([parts[1]] if len(parts) > 1 else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            out.update(a.name.split('.')[1] for a in node.names if a.name.startswith('snn_chat.'))
    return out

def test_no_module_imports_a_later_chapter():
    modules = {p.stem: p for p in PKG.glob('*.py') if not p.stem.startswith('_')}
    chapters = {name: chapter(p) for name, p in modules.items()}
    upward = [f"{name} ({chapters[name]}) imports {other} ({chapters[other]})"
              for name, p in sorted(modules.items()) for other in sorted(imported(p) & set(modules))
              if other != name and chapters[other] >= chapters[name]]
    assert not upward, 'imports against chapter order (an equal chapter counts: it would be a cycle):\n' + '\n'.join(upward)

def test_the_walk_sees_lazy_imports(tmp_path):
    p = tmp_path/'m.py'
    p.write_text("# File to edit: ../nbs/05a_x.ipynb\nfrom .config import a\ndef f():\n    from snn_chat.cli import main\n    import snn_chat.agent\n")
    assert imported(p) == {'config', 'cli', 'agent'} and chapter(p) == (5, 'a')
