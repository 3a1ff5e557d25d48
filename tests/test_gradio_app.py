"""The web chat as a user reaches it: a real `snn-chat-ui` server on 127.0.0.1, talked to with `gradio_client`."""
import json, socket, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TINY = ['--config', 'tiny', '--override_config', 'agent.max_new_tokens=16',
        '--override_config', 'generalist.max_new_tokens=48']     # configs/tiny.yaml: the real generalist and router, built once


def free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]


def connect(port:int, proc, output, timeout:float=120):
    "A `gradio_client` Client of the server `proc` on `port` once it answers; else kill it and raise with its `output()`."
    from gradio_client import Client
    deadline = time.monotonic() + timeout
    while True:
        try: return Client(f'http://127.0.0.1:{port}/', verbose=False)
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline: proc.kill(); proc.wait(); raise RuntimeError(output()[-3000:])
            time.sleep(1)


@pytest.fixture(scope='module')
def server(tmp_path_factory):
    runs, port = tmp_path_factory.mktemp('runs'), free_port()
    cmd = [str(BIN / 'snn-chat-ui'), '--port', str(port), '--override_config', f'paths.runs_dir={runs}']
    # its own teacher targets: the background learner labels for real, so learning outlasts an answer to another user
    cmd += TINY + ['--override_config', f'agent.targets_dir={runs}/precomputed']
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    client = connect(port, proc, proc.stdout.read)
    yield client, proc, port, runs
    proc.terminate(); proc.wait(30)


def raw_call(port:int, payload) -> str:
    "POST `payload` to the `/respond` API as any HTTP client can, and return the reply's event stream (or the HTTP error)."
    import urllib.error, urllib.request
    req = urllib.request.Request(f'http://127.0.0.1:{port}/gradio_api/call/respond', data=json.dumps(payload).encode(),
                                 headers={'Content-Type': 'application/json'})
    try: event = json.load(urllib.request.urlopen(req, timeout=30))['event_id']
    except urllib.error.HTTPError as e: return f"HTTP {e.code}: {e.read().decode()}"
    return urllib.request.urlopen(f'http://127.0.0.1:{port}/gradio_api/call/respond/{event}', timeout=120).read().decode()


def registered(runs) -> dict:
    f = runs / 'model_registry.json'
    return json.loads(f.read_text(encoding='utf-8')) if f.exists() else {}


def test_task_plan_and_chat_answers(server):
    client, proc, _, runs = server
    # no sentiment expert yet: it is learned in the background, the generalist answers, and nobody waits for the learning
    text, trace, _ = client.predict('感情分析: この映画は本当に素晴らしかった！', api_name='/respond')
    assert text.strip() and 'being learned in the background' in trace and 'runs/generalist' in trace, trace
    t0 = time.monotonic()
    other, trace, _ = client.predict('Hello! What can you do?', api_name='/respond')          # another user, while it learns
    answered, waited = time.time(), time.monotonic() - t0
    assert other.strip() and '[chat]' in trace and waited < 90, (waited, trace)
    deadline = time.monotonic() + 400
    while 'sentiment' not in registered(runs):
        assert time.monotonic() < deadline and proc.poll() is None, 'the sentiment expert was not learned'
        time.sleep(2)
    from datetime import datetime
    learned_at = datetime.fromisoformat(registered(runs)['sentiment'][0]['created_at']).timestamp()
    assert learned_at > answered - 1, (learned_at, answered)                  # the other user was answered before learning ended
    text, trace, experts = client.predict('感情分析: この映画は本当に素晴らしかった！', api_name='/respond')
    assert text in ('positive', 'negative') and '[plan]' in trace and 'sentiment ← context' in trace and 'µJ' in trace
    assert '| sentiment | classifier |' in experts
    text, trace, _ = client.predict('この記事を要約して、その内容の感情を分析してください。\nSNNは非常にエネルギー効率が高いが、性能はまだANNに及ばない。',
                                    api_name='/respond')
    assert text.startswith('1. summarization: ') and '\n2. sentiment: ' in text, text
    assert 'summarization ← context' in trace and 'sentiment ← previous' in trace
    text, trace, experts = client.predict('Hello! What can you do?', api_name='/respond')
    assert text.strip() and '[chat]' in trace and 'spikes' in trace and 'runs/generalist' in trace, (text, trace)
    assert '| generalist | generative |' in experts
    text, trace, _ = client.predict('What is the tallest mountain in the world?', api_name='/respond')    # a plain factual question
    assert 'Everest' in text and 'Nothing in the knowledge base' in text, text
    text, trace, _ = client.predict('How is energy measured in snn_chat?', api_name='/respond')           # a question about the system
    assert 'Sources: [1] doc/energy.md' in text and 'runs/generalist' in trace, text
    assert text.split('Sources:')[0].strip() and not text.startswith('「'), text           # a generated answer, not a quoted passage


def test_bad_input_and_load(server):
    client, proc, port, _ = server
    assert client.predict('', api_name='/respond')[0] == '⚠️ the message is empty'
    assert 'app.max_message_chars' in client.predict('x' * 1_000_000, api_name='/respond')[0]      # 1 MB
    # malformed payloads: a clear error each, never Python's own error text
    reply = raw_call(port, {'data': [None, None]})
    assert 'event: complete' in reply and 'the message is empty' in reply and 'NoneType' not in reply, reply
    reply = raw_call(port, {'data': []})
    assert 'event: error' in reply and "didn't receive enough input values (needed: 2, got: 0)" in reply, reply
    assert raw_call(port, {'message': 'hi'}).startswith('HTTP 422: ') and proc.poll() is None
    t0 = time.monotonic()
    jobs = [client.submit(f'sentiment: review number {i} was lovely', api_name='/respond') for i in range(20)]
    outcomes = []
    for j in jobs:
        try: outcomes.append(j.result(timeout=120)[0])
        except Exception as e: outcomes.append(e)                    # refused politely is allowed too
    answered = [o for o in outcomes if isinstance(o, str)]
    assert len(answered) + sum(isinstance(o, Exception) for o in outcomes) == 20 and len(answered) >= 1
    assert all(a in ('positive', 'negative') for a in answered), answered
    assert time.monotonic() - t0 < 120 and proc.poll() is None          # bounded, and the server keeps running
    assert client.predict('sentiment: still alive?', api_name='/respond')[0] in ('positive', 'negative')


def test_langchain_app(tmp_path):
    port = free_port()
    cmd = [str(BIN / 'snn-langchain-ui'), '--port', str(port), '--override_config', f'paths.runs_dir={tmp_path}']
    cmd += TINY
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        client = connect(port, proc, proc.stdout.read)
        text, sources = client.predict('感情分析: この映画は本当に素晴らしかった！', api_name='/respond')
        assert text in ('positive', 'negative') and '`doc/' in sources, (text, sources)
        assert client.predict('', api_name='/respond')[0] == '⚠️ the message is empty'
    finally:
        proc.terminate(); proc.wait(30)
