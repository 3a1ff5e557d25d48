"""The package reads like a book: no line over 120 characters, no exported notebook cell over 60 lines.

Not there yet, so each module and notebook has a budget of what it still holds, and the budget only goes down: a
change that adds a long line or a long cell fails here, and one that removes some must lower the budget with it."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINE, MAX_CELL = 120, 60

# lines over 120 characters still in each module (the rest have none); nbdev's own `__all__` lines are not counted
LONG_LINES = {'agent': 58, 'cli': 29, 'convert': 55, 'evolution': 53, 'learning': 33, 'measure': 12,
              'planner': 31, 'router': 23, 'teachers': 34, 'teaching': 22, 'train': 30}
# exported cells over 60 lines still in each notebook
LONG_CELLS = {'02_energy': 1, '04_data': 1, '05_train': 1, '06_teachers': 2, '07_convert': 3, '10a_router': 1,
              '12_rag': 1, '13_planner': 1, '16_chat': 1, '17_container': 1, '14_evolution': 2, '18_gradio_app': 1,
              '18b_langchain': 1}


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


def test_long_lines_only_go_down():
    assert counts() == LONG_LINES, f"lines over {MAX_LINE} characters per module now: {counts()} (budget: LONG_LINES)"


def test_long_cells_only_go_down():
    now = cell_counts()
    assert now == LONG_CELLS, f"exported cells over {MAX_CELL} lines per notebook now: {now} (budget: LONG_CELLS)"
