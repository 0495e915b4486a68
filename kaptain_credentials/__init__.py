"""The Kaptain Credentials JupyterLab extension, prebuilt, and a small server extension.

The server extension turns Nagle's algorithm off on kernel websockets. tornado turns it back on after the 101
upgrade and jupyter_server never turns it off, so a reply the server writes while its previous message (the kernel's
`busy` status) is still unacknowledged waits for the browser's delayed ACK: about 40 ms on Linux. The panel's probe
is one silent execute, so that wait was nearly all of its round trip (48 ms median; 5 ms without it).
"""

import logging


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "kaptain-credentials"}]


def _jupyter_server_extension_points():
    return [{"module": "kaptain_credentials"}]


def _load_jupyter_server_extension(serverapp):
    log = getattr(serverapp, "log", logging.getLogger(__name__))
    settings = serverapp.web_app.settings
    base = settings.get("kernel_websocket_connection_class")
    if base is None:
        log.info("kaptain_credentials: no kernel websocket connection class to adjust")
        return

    class NoDelayKernelWebsocketConnection(base):
        """The configured connection class, with TCP_NODELAY set once the websocket is open."""

        def connect(self):
            self.websocket_handler.set_nodelay(True)
            return super().connect()

    settings["kernel_websocket_connection_class"] = NoDelayKernelWebsocketConnection
    log.info("kaptain_credentials: TCP_NODELAY on kernel websockets (%s)", base.__name__)
