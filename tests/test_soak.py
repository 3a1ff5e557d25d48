"""Soak: 4 `snn-agent` processes and 10 web clients at once on one runs folder, one agent killed with SIGKILL at random
moments while it learns. Afterwards nothing is lost, nothing is left over, and every process that was not killed exits
cleanly. Real processes, the real teacher, a real `snn-chat-ui` server on 127.0.0.1, a tiny student."""
import random, signal, subprocess, tempfile, threading, time
from pathlib import Path

from test_agent import TINY
from test_faults import BIN, ONE_THREAD, ROOT, cmd, memory, registry, reviews
from test_gradio_app import connect, free_port

SOAK_S = 60                          # how long the agents and clients keep at it
ASK = ('--task_description', '感情分析')


def loop(runs, args, until, out, kill=None):
    "Run `snn-agent` with `args` again and again until `until`; with `kill` (a Random), SIGKILL each run at a random moment."
    while time.monotonic() < until:
        with tempfile.TemporaryFile() as err:
            p = subprocess.Popen(cmd(runs, *args, '--prompt', f'レビュー {len(out)}: とても良かった'), cwd=ROOT, env=ONE_THREAD,
                                 stdout=subprocess.DEVNULL, stderr=err)
            # every other run is cut early (so some kills surely happen), the rest late: learning, saving, registering
            try: p.wait((kill.uniform(1, 12) if len(out) % 2 == 0 else kill.uniform(12, 40)) if kill else 600)
            except subprocess.TimeoutExpired: p.send_signal(signal.SIGKILL); p.wait()
            err.seek(0); out.append((p.returncode, err.read().decode(errors='replace')[-2000:]))


def web_client(port, n, out):
    from gradio_client import Client
    client = Client(f'http://127.0.0.1:{port}/', verbose=False)
    for i in range(n): out.append(client.predict(f'感情分析: お店の料理は{i}回とも美味しかった', api_name='/respond')[0])


def test_soak(tmp_path):
    runs, data = tmp_path / 'runs', reviews(tmp_path / 'reviews.jsonl')
    learn = (*ASK, '--unlabeled_data_path', data)
    first = subprocess.run(cmd(runs, *learn, '--prompt', '最高の映画'), cwd=ROOT, env=ONE_THREAD, capture_output=True, timeout=600)
    assert first.returncode == 0, first.stderr.decode()[-3000:]           # the expert everyone asks, learned once
    port = free_port()
    ui = [str(BIN / 'snn-chat-ui'), '--port', str(port), '--config', 'tiny'] + [a for o in [f'paths.runs_dir={runs}', *TINY] for a in ('--override_config', o)]
    log = tmp_path / 'server.log'                       # (a pipe nobody reads while it runs could fill and stall the server)
    server = subprocess.Popen(ui, cwd=ROOT, env=ONE_THREAD, stdout=log.open('w'), stderr=subprocess.STDOUT)
    connect(port, server, log.read_text)

    seed = random.randrange(10 ** 6); print('soak seed', seed)
    t0 = time.monotonic(); until = t0 + SOAK_S
    survivors, victim, web = [[] for _ in range(3)], [], [[] for _ in range(10)]
    threads = [threading.Thread(target=loop, args=(runs, ASK, until, out)) for out in survivors]
    threads.append(threading.Thread(target=loop, args=(runs, (*learn, '--force_retrain'), until, victim, random.Random(seed))))
    threads += [threading.Thread(target=web_client, args=(port, 3, out)) for out in web]
    for t in threads: t.start()
    for t in threads: t.join(timeout=180 - (time.monotonic() - t0))
    soaked = time.monotonic() - t0
    assert not any(t.is_alive() for t in threads) and soaked < 180, soaked       # bounded: ≤ 3 min for it all
    server.send_signal(signal.SIGTERM)                                           # as a service manager stops it
    assert server.wait(30) == 0, log.read_text()[-3000:]

    # every process that was not killed exited cleanly; every web client was answered by the expert
    runs_ok = [r for out in survivors for r in out]
    assert runs_ok and all(code == 0 for code, _ in runs_ok), [err for code, err in runs_ok if code]
    killed = sum(code == -signal.SIGKILL for code, _ in victim)
    learned = sum(code == 0 for code, _ in victim)
    assert killed and all(code in (0, -signal.SIGKILL) for code, _ in victim), victim
    assert all(len(out) == 3 and all(a in ('positive', 'negative') for a in out) for out in web), web

    # nothing is lost: an answer in memory for every run that finished (a killed run may or may not have written its own)
    events = memory(runs)                                                     # (every line parses)
    answers = sum(e['event_type'] == 'ANSWER' for e in events)
    done = 1 + len(runs_ok) + learned + 30
    assert done <= answers <= done + killed, (answers, done, killed)
    entries = registry(runs)['sentiment']                                     # one per finished learning run, maybe one per kill
    assert 1 + learned <= len(entries) <= 1 + learned + killed, (len(entries), learned, killed)
    assert all((Path(e['model_path']) / 'model.safetensors').is_file() for e in entries)

    # nothing is left over once the next agent has started (it sweeps), however old
    last = subprocess.run(cmd(runs, *ASK, '--prompt', '良い', last=['agent.learn_wait_s=0']), cwd=ROOT, env=ONE_THREAD,
                          capture_output=True, timeout=300)
    assert last.returncode == 0, last.stderr.decode()[-3000:]
    left = [p for p in runs.rglob('*') if '.tmp' in p.name]        # staging folders and temp files: .<name>.tmp-<pid>, ….tmp
    assert not left, left
    used = {Path(e['model_path']).resolve() for e in registry(runs)['sentiment']}
    stray = [f for f in (runs / 'experts' / 'sentiment').iterdir()
             if f.is_dir() and not f.name.startswith('.') and not any(f.resolve() in u.parents or f.resolve() == u for u in used)]
    assert not stray, stray
    print(f"soak: {len(runs_ok)} agent runs, {len(victim)} learning runs ({killed} killed), 30 web replies in {soaked:.0f} s")
