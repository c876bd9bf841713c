"""LibreOffice adapter: the only module that starts `soffice` (for PDFs beside the .docx files).

Each run gets its own throw-away profile (-env:UserInstallation), so parallel runs never share
one and a user's own LibreOffice settings are never touched. `--convert-to pdf` lays the document
out again, so the page fields in the footer ("pagina X van Y") are computed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from generator.errors import ConsortiumError

INSTALL_HINT = ("LibreOffice (soffice) is niet gevonden, dus er zijn geen PDF's gemaakt; de Word-bestanden "
                "zijn wel geschreven. Installeer LibreOffice, bijvoorbeeld met "
                "'sudo apt-get install libreoffice-writer-nogui', en draai de opdracht opnieuw met --pdf.")
SECONDS_PER_DOCUMENT = 60


class PdfFailed(ConsortiumError):
    """LibreOffice ran but did not produce every PDF."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def convert_to_pdf(documents: list[Path], outdir: Path) -> list[Path]:
    """A PDF in `outdir` for each document, in one LibreOffice run; PdfFailed when one is missing."""
    program = soffice()
    if program is None:
        raise PdfFailed(INSTALL_HINT)
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="consortium-lo-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, documents)]
        env = {**os.environ, "HOME": profile}
        _run(command, env, SECONDS_PER_DOCUMENT * len(documents))
    pdfs = [outdir / f"{d.stem}.pdf" for d in documents]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise PdfFailed(f"LibreOffice heeft niet elke PDF gemaakt ({', '.join(missing)}); er is niets "
                        "geschreven. Probeer het opnieuw, of zonder --pdf.")
    return pdfs


def _run(command: list[str], env: dict[str, str], timeout: float) -> None:
    """Run soffice in its own process group, so that a timeout also ends the soffice.bin child."""
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise PdfFailed("LibreOffice reageerde niet binnen de tijd; er is niets geschreven. "
                        "Probeer het opnieuw, of zonder --pdf.") from None
