"""The docs site, built from the notebooks as `make docs` builds it, opened in headless Chromium.

Two chapters are checked as a reader sees them, after their scripts ran (MathJax included): the neurons chapter and
the agent chapter must show their title, prose, code and the outputs the notebooks keep. Screenshots of both are
written beside the site (`docs-shots/`), to look at. Needs Debian's `chromium` (.ci/run installs it)."""
import html.parser, shutil, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((shutil.which(b) for b in ('chromium', 'chromium-browser', 'google-chrome') if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt install chromium)")


class Page(html.parser.HTMLParser):
    "What a rendered page holds: its h1s, paragraphs, code cells, output cells (their text) and rendered formulas."
    def __init__(self, dom:str):
        super().__init__(); self.h1s, self.prose, self.code, self.outputs, self.math = [], 0, 0, [], 0
        self._in = []                                       # open tags: (tag, what it counts)
        self.feed(dom)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get('class') or ''
        kind = ('h1' if tag == 'h1' else 'output' if 'cell_output' in cls else None)
        if tag == 'p': self.prose += 1
        if 'cell_input' in cls: self.code += 1
        if tag == 'mjx-container': self.math += 1
        if kind == 'output': self.outputs.append('')
        if kind == 'h1': self.h1s.append('')
        self._in.append((tag, kind))

    def handle_endtag(self, tag):
        while self._in:
            t, _ = self._in.pop()
            if t == tag: break

    def handle_data(self, data):
        kinds = {k for _, k in self._in}
        if 'h1' in kinds and self.h1s: self.h1s[-1] += data
        if 'output' in kinds and self.outputs: self.outputs[-1] += data


def chromium(*args) -> subprocess.CompletedProcess:
    flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
             '--disable-background-networking', '--virtual-time-budget=15000']
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp('docs') / 'site'
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'docs.py'), '--out', str(out)], cwd=ROOT, capture_output=True,
                       text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return out


@pytest.mark.parametrize('page,title,output', [('01_neurons', 'Neurons', 'T=12: max error'),
                                               ('11_agent', 'Agent', 'task: summarization')])
def test_chapter_renders(site, page, title, output):
    url = (site / f'{page}.html').as_uri()
    r = chromium('--dump-dom', url)
    assert r.returncode == 0, r.stderr[-2000:]
    p = Page(r.stdout)
    assert title in [h.strip().rstrip('#¶').strip() for h in p.h1s], p.h1s
    assert p.prose >= 10 and p.code >= 5, (p.prose, p.code)              # prose and code cells, not an empty shell
    assert any(output in o for o in p.outputs), p.outputs[:5]             # the outputs the notebook keeps
    if page == '01_neurons': assert p.math >= 10, p.math                  # its formulas typeset, offline
    shots = site.parent / 'docs-shots'; shots.mkdir(exist_ok=True)
    png = shots / f'{page}.png'
    r = chromium('--window-size=1280,6000', f'--screenshot={png}', url)
    assert r.returncode == 0 and png.stat().st_size > 50_000, r.stderr[-2000:]
    print(f"screenshot: {png}")
