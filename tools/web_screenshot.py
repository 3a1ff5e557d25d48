"""Open the web chat in headless Chromium, send messages one after another, and save a screenshot (a check by eye, not a CI test).

    python tools/web_screenshot.py [--out doc/images/web_chat.png] [--message "..." ...] [snn-chat-ui config flags...]

Needs Debian's `chromium` and `chromium-driver` and `pip install selenium`; starts `snn-chat-ui` on a free
port of 127.0.0.1 with the given config flags (default: the project's runs/), and stops it afterwards.
"""
import argparse, socket, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default=str(ROOT / 'doc' / 'images' / 'web_chat.png'))
    p.add_argument('--message', action='append', help='a message to send (repeatable, sent in turn; default: a factual question, '
                   'then a question about the system)')
    p.add_argument('--wait', type=float, default=240, help='seconds to wait for the reply')
    args, rest = p.parse_known_args()
    messages = args.message or ['What is the tallest mountain in the world?', 'How is energy measured in snn_chat?']
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]
    server = subprocess.Popen([str(BIN / 'snn-chat-ui'), '--port', str(port), *rest], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for a in ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
              '--disable-component-update', '--disable-sync', f'--user-data-dir={tempfile.mkdtemp()}', '--window-size=1400,1000']:
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)
    try:
        deadline = time.monotonic() + 120
        while True:
            try: driver.get(f'http://127.0.0.1:{port}/'); WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.TAG_NAME, 'textarea')); break
            except Exception:
                if time.monotonic() > deadline or server.poll() is not None: raise SystemExit('the web chat did not start')
                time.sleep(1)
        def trace(d):
            found = d.find_elements(By.XPATH, "//*[contains(text(), 'last reply')]/..")
            return found[0].text if found else ''
        for message in messages:
            before = trace(driver)
            box = driver.find_element(By.TAG_NAME, 'textarea')
            lines = message.split('\n')
            for i, line in enumerate(lines):
                box.send_keys(line)
                if i < len(lines) - 1: box.send_keys(Keys.SHIFT, Keys.ENTER)
            box.send_keys(Keys.ENTER)
            # the reply is done when the trace panel shows a new trace (it says "…" while the reply streams)
            WebDriverWait(driver, args.wait).until(lambda d: trace(d) not in (before, '…', ''))
            time.sleep(1)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(args.out)
        print(f"saved {args.out}")
    finally:
        driver.quit(); server.terminate(); server.wait(30)


if __name__ == '__main__':
    main()
