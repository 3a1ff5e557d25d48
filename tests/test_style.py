"""The package reads like a book: no line over 120 characters, no exported notebook cell over 60 lines.

Both hold everywhere now; the budget of long cells per notebook stays, so that a notebook that needs one says so
here, in the change that adds it."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINE, MAX_CELL = 120, 60

# exported cells over 60 lines still in each notebook
LONG_CELLS = {}


def counts():
    "Lines over MAX_LINE per module (those with any)."
    out = {}
    for p in sorted((ROOT/'snn_chat').glob('*.py')):
        if p.name.startswith('_'): continue
        text = p.read_text(encoding='utf-8').split('\n')
        start = next((i for i, l in enumerate(text) if l.startswith('__all__')), None)
        skip = set()
        if start is not None:
            end = start
            while not text[end].rstrip().endswith(']'): end += 1
            skip = set(range(start, end + 1))
        n = sum(len(l) > MAX_LINE for i, l in enumerate(text) if i not in skip)
        if n: out[p.stem] = n
    return out


def cell_counts():
    "Exported cells over MAX_CELL lines per notebook (those with any)."
    out = {}
    for p in sorted((ROOT/'nbs').glob('*.ipynb')):
        cells = json.loads(p.read_text(encoding='utf-8'))['cells']
        n = sum(1 for c in cells if c['cell_type'] == 'code' and ''.join(c['source']).startswith('#| export')
                and len(''.join(c['source']).splitlines()) > MAX_CELL)
        if n: out[p.stem] = n
    return out


def test_no_long_lines():
    assert counts() == {}, f"lines over {MAX_LINE} characters per module: {counts()}"


def test_long_cells_only_go_down():
    now = cell_counts()
    assert now == LONG_CELLS, f"exported cells over {MAX_CELL} lines per notebook now: {now} (budget: LONG_CELLS)"
