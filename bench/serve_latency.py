#!/usr/bin/env python3
"""Mesure le temps entre l'enregistrement d'une fiche et la page à jour, servie.

    serve_latency.py CORPUS --castor BIN --templates DOSSIER [--runs N] [--hugo]

CORPUS est un dossier écrit par generate_corpus.py (CORPUS/content pour Castor,
CORPUS/hugo pour Hugo). Le script lance `castor serve` (et `hugo server` avec --hugo) sur un
port libre de 127.0.0.1, attend la première construction, puis, N fois de suite :

- « texte » : ajoute un paragraphe marqué à une fiche ;
- « titre » : change le titre de la même fiche (la fiche, les listes et les fiches liées
  changent).

Pour chaque enregistrement : Castor — temps jusqu'au signal de rechargement
(/__castor/reload) puis jusqu'à la page servie avec le nouveau contenu ; Hugo — temps
jusqu'à la page servie avec le nouveau contenu (interrogée toutes les 5 ms). Affiche
médiane, minimum et maximum en millisecondes. La fiche modifiée est rétablie à la fin.
Bibliothèque standard uniquement.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import signal
import socket
import statistics
import subprocess
import threading
import time
import urllib.request

FICHE = "fiches/boite-a-outils/fiche-00002-organiser-chantier-participatif.md"
URL = "/fiches/boite-a-outils/fiche-00002-organiser-chantier-participatif/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def wait_for(url: str, marker: str, deadline: float, interval: float = 0.005) -> float:
    while time.monotonic() < deadline:
        try:
            if marker in get(url, timeout=5):
                return time.monotonic()
        except OSError:
            pass
        time.sleep(interval)
    raise TimeoutError(f"{url}: « {marker} » jamais servi")


def edits(current: list[str], i: int):
    """Yields (name, new text, marker) for run i; `current[0]` is the file's text, kept up to date."""
    marker = f"Paragraphe-mesure-{i}-{time.time_ns()}"
    current[0] = current[0] + f"\n\n{marker}\n"
    yield "texte", current[0], marker
    title_marker = f"Titre mesuré {i} {time.time_ns() % 100000}"
    lines = current[0].split("\n")
    current[0] = "\n".join(f'title: "{title_marker}"' if line.startswith("title:") else line for line in lines)
    yield "titre", current[0], title_marker


def save(path: pathlib.Path, text: str) -> None:
    # As an editor does: write then close (one inotify close-write event).
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def measure_castor(args, corpus: pathlib.Path) -> dict[str, list[tuple[float, float]]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [args.castor, "serve", "--content", str(corpus / "content"), "--templates", args.templates,
         "--port", str(port), "--now", "2026-11-23", "--timings"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    ready = threading.Event()

    def reader():
        for line in process.stdout:
            log.append(line.rstrip())
            if line.startswith("Aperçu"):
                ready.set()

    threading.Thread(target=reader, daemon=True).start()
    start = time.monotonic()
    if not ready.wait(600):
        process.kill()
        raise SystemExit("castor serve n'a pas démarré :\n" + "\n".join(log))
    print(f"castor serve prêt en {time.monotonic() - start:.1f} s ({log[-2] if len(log) > 1 else ''})")
    path = corpus / "content" / FICHE
    original = path.read_text(encoding="utf-8")
    results: dict[str, list[tuple[float, float]]] = {"texte": [], "titre": []}
    try:
        get(base + URL)
        current = [original]
        for i in range(args.runs):
            for name, text, marker in edits(current, i):
                version = json.loads(get(base + "/__castor/reload?version=-1"))["version"]
                answer: dict = {}

                def long_poll():
                    answer["data"] = json.loads(get(f"{base}/__castor/reload?version={version}", timeout=60))
                    answer["time"] = time.monotonic()

                poller = threading.Thread(target=long_poll)
                poller.start()
                time.sleep(0.05)
                t0 = time.monotonic()
                save(path, text)
                poller.join(60)
                if "time" not in answer:
                    raise SystemExit("pas de signal de rechargement")
                page = get(base + URL)
                t2 = time.monotonic()
                if marker not in page:
                    raise SystemExit(f"page rechargée sans le nouveau contenu ({name})")
                results[name].append(((answer["time"] - t0) * 1000, (t2 - t0) * 1000))
                time.sleep(args.gap)  # a person does not save more often
    finally:
        save(path, original)
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
    rebuilds = [line for line in log if line.startswith("Modifié") or line.startswith("  étapes")]
    print("castor, dernières reconstructions :", *rebuilds[-4:], sep="\n  ")
    return results


def measure_hugo(args, corpus: pathlib.Path) -> dict[str, list[float]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        ["hugo", "server", "--source", str(corpus / "hugo"), "--bind", "127.0.0.1", "--port", str(port),
         "--baseURL", base + "/", "--appendPort=false"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    ready = threading.Event()

    def reader():
        for line in process.stdout:
            log.append(line.rstrip())
            if "Web Server is available" in line:
                ready.set()

    threading.Thread(target=reader, daemon=True).start()
    start = time.monotonic()
    if not ready.wait(900):
        process.kill()
        raise SystemExit("hugo server n'a pas démarré :\n" + "\n".join(log[-20:]))
    print(f"hugo server prêt en {time.monotonic() - start:.1f} s")
    path = corpus / "hugo" / "content" / FICHE
    original = path.read_text(encoding="utf-8")
    results: dict[str, list[float]] = {"texte": [], "titre": []}
    try:
        get(base + URL)
        current = [original]
        for i in range(args.runs):
            for name, text, marker in edits(current, i):
                t0 = time.monotonic()
                save(path, text)
                t1 = wait_for(base + URL, marker, t0 + 120)
                results[name].append((t1 - t0) * 1000)
                time.sleep(0.3)
    finally:
        save(path, original)
        time.sleep(1)
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
    changes = [line for line in log if "Total in" in line]
    print("hugo, dernières reconstructions :", *changes[-4:], sep="\n  ")
    return results


def show(label: str, values: list[float]) -> None:
    print(f"  {label:38s} médiane {statistics.median(values):7.0f} ms   min {min(values):6.0f}   max {max(values):6.0f}   (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("--castor", required=True)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--gap", type=float, default=1.0, help="secondes entre deux enregistrements (1 par défaut)")
    parser.add_argument("--hugo", action="store_true", help="mesure aussi hugo server")
    parser.add_argument("--no-castor", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} processeurs, charge : {open('/proc/loadavg').read().split()[:3]}")
    if not args.no_castor:
        castor = measure_castor(args, args.corpus)
        print("castor serve :")
        for name, values in castor.items():
            show(f"{name} : signal de rechargement", [v[0] for v in values])
            show(f"{name} : page à jour servie", [v[1] for v in values])
    if args.hugo:
        hugo = measure_hugo(args, args.corpus)
        print("hugo server :")
        for name, values in hugo.items():
            show(f"{name} : page à jour servie", values)


if __name__ == "__main__":
    main()
