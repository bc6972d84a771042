"""`castor serve` under hostile or clumsy local clients (issue 11, item 6), with the real CLI on
a free loopback port: oversized requests, many connections with few file descriptors,
protocol-relative redirects, %00 in paths, Ctrl-C, and folders left by a killed server."""
import os
import pathlib
import resource
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import REPO, castor_binary

FIXTURE = REPO / "Tests" / "CastorKitTests" / "Fixtures" / "site" / "content"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """A `castor serve` process; its output is collected by a thread."""

    def __init__(self, tmp: pathlib.Path, nofile: int | None = None):
        self.port = free_port()
        self.tmp = tmp
        self.lines: list[str] = []

        def limit():
            if nofile:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.process = subprocess.Popen(
            [castor_binary(), "serve", "--content", str(FIXTURE), "--templates", str(REPO / "templates"),
             "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=limit,
            env={**os.environ, "TMPDIR": str(tmp)})
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 60
        while not any(line.startswith("Aperçu") for line in self.lines):
            assert self.process.poll() is None, "\n".join(self.lines)
            assert time.monotonic() < deadline, "\n".join(self.lines)
            time.sleep(0.05)

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def request(self, raw: bytes, timeout: float = 5) -> bytes:
        """Sends raw bytes, returns everything answered until the server closes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as connection:
            try:
                connection.sendall(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass
            answer = b""
            try:
                while chunk := connection.recv(65536):
                    answer += chunk
            except ConnectionResetError:
                pass
            return answer

    def get(self, path: str, timeout: float = 5) -> bytes:
        return self.request(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(), timeout)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(**options):
        server = Serve(tmp_path, **options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def headers(answer: bytes) -> dict[str, str]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {name.lower(): value.strip() for name, value in (line.split(":", 1) for line in head)}


def timed(action):
    start = time.monotonic()
    result = action()
    return result, time.monotonic() - start


def test_a_huge_request_line_is_refused_at_once_and_the_server_stays_responsive(serve):
    server = serve()
    answer, took = timed(lambda: server.request(b"GET /" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", timeout=10))
    assert status(answer) in (414, 0) and took < 2, (answer[:100], took)
    answer, took = timed(lambda: server.get("/"))
    assert status(answer) == 200 and took < 1, took
    # Ctrl-C still stops it within a second.
    server.process.send_signal(signal.SIGINT)
    _, took = timed(lambda: server.process.wait(timeout=5))
    assert took < 1, took
    assert server.process.returncode == 0


def test_oversized_header_block_gets_431(serve):
    server = serve()
    answer, took = timed(lambda: server.request(b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Remplissage: abcdefgh\r\n" * 2000 + b"\r\n"))
    assert status(answer) == 431 and took < 2, (answer[:100], took)
    assert status(server.get("/")) == 200


def test_sigint_stops_even_while_a_client_is_sending_a_huge_line(serve):
    server = serve()
    connection = socket.create_connection(("127.0.0.1", server.port))
    connection.sendall(b"GET /" + b"a" * 8000)  # no end of line: the server waits for more
    time.sleep(0.3)
    server.process.send_signal(signal.SIGINT)
    _, took = timed(lambda: server.process.wait(timeout=5))
    connection.close()
    assert took < 1, took


def test_more_connections_than_descriptors_then_it_answers_again(serve):
    server = serve(nofile=64)
    held = []
    for _ in range(150):
        try:
            held.append(socket.create_connection(("127.0.0.1", server.port), timeout=2))
        except OSError:
            break
    time.sleep(1)
    for connection in held:
        connection.close()
    answer = b""
    deadline = time.monotonic() + 10
    while status(answer) != 200 and time.monotonic() < deadline:
        try:
            answer = server.get("/", timeout=2)
        except OSError:
            time.sleep(0.2)
    assert status(answer) == 200, "\n".join(server.lines)
    assert server.process.poll() is None
    assert any("connexions ouvertes en même temps" in line or "limite de fichiers ouverts" in line
               for line in server.lines), "\n".join(server.lines)


def test_double_slash_redirect_stays_on_this_server(serve):
    server = serve()
    for path in ("//agenda", "///agenda", "/agenda"):
        answer = server.get(path)
        assert status(answer) == 301, answer[:200]
        location = headers(answer)["location"]
        assert location == "/agenda/", location


def test_control_characters_in_a_path_are_refused(serve):
    server = serve()
    for path in ("/index.html%00.js", "/agenda/index.html%00.css", "/%0d%0aSet-Cookie:x=1/"):
        answer = server.get(path)
        assert status(answer) in (400, 404), answer[:200]
        assert "javascript" not in headers(answer).get("content-type", "")
        assert "css" not in headers(answer).get("content-type", "")
        assert "set-cookie" not in headers(answer)


def test_folders_of_killed_servers_are_removed_but_not_those_of_live_ones(serve, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    alive = subprocess.Popen(["sleep", "60"])
    try:
        stale = tmp_path / f"castor-serve-{dead.pid}-deadbeef"
        (stale / "site").mkdir(parents=True)
        (stale / "site" / "index.html").write_text("vieux")
        live = tmp_path / f"castor-serve-{alive.pid}-cafecafe"
        (live / "site").mkdir(parents=True)
        other = tmp_path / "castor-serve-notes"
        other.mkdir()
        server = serve()
        assert not stale.exists()
        assert (live / "site").is_dir() and other.is_dir()
        # kill -9 leaves its folder; the next start removes it.
        own = [path for path in tmp_path.glob(f"castor-serve-{server.process.pid}-*")]
        assert len(own) == 1
        server.process.kill()
        server.process.wait()
        serve()
        assert not own[0].exists()
        assert (live / "site").is_dir()
    finally:
        alive.kill()
        alive.wait()
