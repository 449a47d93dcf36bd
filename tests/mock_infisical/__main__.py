"""Command line: python -m mock_infisical --port 0 [--seed FILE] [--rate-limit-read N --rate-limit-write N] [--latency S]."""

import argparse
import signal
import sys
import threading

from .server import App, MockHTTPServer


def print_url(url):
    sys.stdout.write('MOCK_INFISICAL_URL=%s\n' % url)
    sys.stdout.flush()


def main(argv=None, on_listening=print_url):
    parser = argparse.ArgumentParser(prog='python -m mock_infisical', description='Mock Infisical server for tests (binds 127.0.0.1).')
    parser.add_argument('--port', type=int, default=0, help='TCP port; 0 picks a free one (default)')
    parser.add_argument('--seed', default=None, help='seed JSON file (default: seeds/default.json in the package)')
    parser.add_argument('--rate-limit-read', type=int, default=None, help='GET requests allowed per 60 s window (default: no limit)')
    parser.add_argument('--rate-limit-write', type=int, default=None, help='other requests allowed per 60 s window (default: no limit)')
    parser.add_argument('--latency', type=float, default=0.0, help='seconds each API request waits before it is handled (default: 0)')
    parser.add_argument('--verbose', action='store_true', help='log every request to stderr')
    args = parser.parse_args(argv)

    app = App(seed_path=args.seed, rate_limit_read=args.rate_limit_read, rate_limit_write=args.rate_limit_write, verbose=args.verbose,
              latency=args.latency)
    server = MockHTTPServer(app, args.port)
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.2})
    thread.daemon = True
    thread.start()
    on_listening('http://127.0.0.1:%d' % server.server_address[1])
    while not stop.is_set():
        stop.wait(0.5)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
