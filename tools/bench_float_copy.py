"""Time the teachers' float copies (teachers chapter) built with and without `gguf_parsed_once`, side by side, twice each,
in fresh folders, and check that both ways write the same files.

    python tools/bench_float_copy.py     # about 3 min
"""
import contextlib, hashlib, tempfile, time
from pathlib import Path
import snn_chat.teachers as T
from snn_chat.teachers import float_copy, default_teacher_file, gemma_teacher_file

def digest(folder:Path) -> dict:
    "sha256 of each file of a float copy (but its timing note)."
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.name != 'source.json'}

real = T.gguf_parsed_once
print("| teacher | GGUF parses | seconds |\n|---|---|---|")
for name, gguf in {'smollm2': default_teacher_file(), 'gemma': gemma_teacher_file()}.items():
    files = {}
    for way in ['three', 'one', 'three', 'one']:
        T.gguf_parsed_once = real if way == 'one' else contextlib.nullcontext
        with tempfile.TemporaryDirectory() as d:
            t0 = time.monotonic(); out = float_copy(Path(gguf), d); s = time.monotonic() - t0
            files.setdefault(way, digest(out))
        print(f"| {name} | {way} | {s:.1f} |", flush=True)
    print(f"{name}: the same files both ways: {files['one'] == files['three']}")
T.gguf_parsed_once = real
