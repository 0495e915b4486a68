"""The Kaptain Credentials JupyterLab extension, prebuilt: this package only carries its files."""


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "kaptain-credentials"}]
