"""Run chapters top to bottom and save them with their outputs: `python tools/keep_outputs.py nbs/01_neurons.ipynb ...`.

The notebooks are the docs, and a chapter reads better with what its cells print and draw. This runs each one in
nbdev's own engine (execnb, in this process, from the notebook's folder, as `nbdev_test` does, cells flagged
`slow` left out), stops at the first error, and writes the notebook back only when every cell ran; `nbdev_clean`
then strips what varies from run to run but the outputs. Which chapters keep outputs: `make outputs` (Makefile).
"""
import os, sys, time
from pathlib import Path


def keep_outputs(path) -> float:
    "Execute the notebook at `path` and save it with its outputs; the seconds it took."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    path = Path(path).resolve()
    nb = read_nb(path)
    skip = lambda c: c.cell_type == 'code' and any(l.strip().startswith('#| slow') or l.strip() == '#|slow'
                                                   for l in c.source.splitlines())
    here, t0 = os.getcwd(), time.perf_counter()
    os.chdir(path.parent)
    try:
        CaptureShell(path).run_all(nb, exc_stop=True, preproc=skip)
    finally: os.chdir(here)
    write_nb(nb, path)
    return time.perf_counter() - t0


if __name__ == '__main__':
    for p in sys.argv[1:]: print(f"{p}: ran in {keep_outputs(p):.0f} s, saved with its outputs")
