"""Package metadata comes from settings.ini (nbdev 2 convention); this file reads it and ships the project's files.

The library reads configs, task cards, default data, documents and the benchmark notebook at run time
(`snn_chat.config.shipped`). A checkout has them at its top level; the wheel carries a copy of them in
`snn_chat/resources/`, put there by `build_py` below, so an installed package works from any folder."""
import shlex, shutil
from configparser import ConfigParser
from pathlib import Path
import setuptools
from setuptools.command.build_py import build_py

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

requirements = shlex.split(cfg.get('requirements', ''))
dev_requirements = shlex.split(cfg.get('dev_requirements', ''))
SHIPPED = shlex.split(cfg.get('shipped_files', ''))       # folders and files the library reads at run time
NOT_SHIPPED = {'teacher_written.jsonl'}                     # the encoder build's corpus: only that pipeline reads it


class BuildWithResources(build_py):
    "build_py, plus a copy of the shipped files in `snn_chat/resources/` (an editable install reads the checkout's)."
    def run(self):
        super().run()
        if getattr(self, 'editable_mode', False): return
        dest = Path(self.build_lib)/cfg['lib_name']/'resources'
        for rel in SHIPPED:
            src = Path(rel)
            if not src.exists(): raise SystemExit(f"settings.ini shipped_files names {rel}, which is not here")
            for f in ([src] if src.is_file() else sorted(p for p in src.rglob('*') if p.is_file())):
                if f.name in NOT_SHIPPED or '__pycache__' in f.parts or f.name.startswith('.'): continue
                (dest/f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, dest/f)


setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    author=cfg['author'],
    author_email=cfg['author_email'],
    license='Apache Software License 2.0',
    keywords=cfg['keywords'].split(),
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']),
    include_package_data=True,
    install_requires=requirements,
    extras_require={'dev': dev_requirements},
    python_requires='>=' + cfg['min_python'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    cmdclass={'build_py': BuildWithResources},
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(),
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
