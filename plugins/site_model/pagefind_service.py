"""A blocking client for Pagefind's service mode (``pagefind --service``).

One service process builds any number of indexes from HTML held in memory, so
no page has to be written to disk for Pagefind to read, and the Japanese
dictionary of the extended binary is loaded once per build, not per bundle.

The ``pagefind`` package's own asyncio client waits a tenth of a second per
reply, which makes a thousand pages take minutes; here every request is sent
at once and a thread collects the replies. The wire format is the package's:
each message is base64-encoded JSON followed by a comma.
"""

import base64
import json
import subprocess
import threading

from pagefind.service import get_executable


class PagefindServiceError(RuntimeError):
    pass


class PagefindService:
    def __init__(self):
        executable = get_executable()
        if executable is None:
            raise PagefindServiceError("no Pagefind binary: install requirements.txt")
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._replies = {}
        self._arrived = threading.Condition()
        self._last_id = 0
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._reader.start()

    def _read_replies(self):
        # Read all the time: a full stdout pipe would stop Pagefind reading stdin.
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            with self._arrived:
                for message in messages:
                    reply = json.loads(base64.b64decode(message))
                    self._replies[reply.get("message_id")] = reply["payload"]
                self._arrived.notify_all()
        with self._arrived:
            self._replies[None] = {"type": "Error", "message": "Pagefind stopped"}
            self._arrived.notify_all()

    def send(self, payload):
        """Queue a request; returns its id for :meth:`reply`."""
        self._last_id += 1
        request = {"message_id": self._last_id, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(request).encode()) + b",")
        return self._last_id

    def reply(self, message_id):
        self._process.stdin.flush()
        with self._arrived:
            while message_id not in self._replies and None not in self._replies:
                self._arrived.wait()
            payload = self._replies.pop(message_id, None) or self._replies[None]
        if payload["type"] == "Error":
            raise PagefindServiceError(payload.get("message", payload))
        return payload

    def new_index(self):
        return self.reply(self.send({"type": "NewIndex", "config": None}))["index_id"]

    def add_page(self, index, url, html):
        """Queue a page for ``index``; returns the id to :meth:`wait` for."""
        message = self.send({"type": "AddFile", "index_id": index, "url": url,
                             "file_contents": html, "file_path": None})
        self._process.stdin.flush()  # so Pagefind indexes while the build goes on
        return message

    def wait(self, message_id):
        self.reply(message_id)

    def drop(self, index):
        self.reply(self.send({"type": "DeleteIndex", "index_id": index}))

    def files(self, index):
        """{path in the bundle: bytes} of ``index``, which is then deleted.

        The files come back through the pipe, not written by Pagefind: its
        WriteFiles replies before the files are complete.
        """
        files = self.reply(self.send({"type": "GetFiles", "index_id": index}))["files"]
        self.reply(self.send({"type": "DeleteIndex", "index_id": index}))
        return {file["path"]: base64.b64decode(file["content"]) for file in files}

    def close(self):
        self._process.stdin.close()
        self._process.wait()
        self._reader.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
