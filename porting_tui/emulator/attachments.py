"""Notes and documents on an order."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from pathlib import PurePath
from typing import Any

from porting_tui.emulator.checks import Checks, require_object
from porting_tui.emulator.errors import not_found
from porting_tui.emulator.lifecycle import Lifecycle
from porting_tui.emulator.records import DocumentRecord, NoteRecord, OrderRecord
from porting_tui.emulator.wire import order_updated_event

MAX_NOTE_LENGTH = 5000
MAX_DOCUMENT_NAME_LENGTH = 255
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# A fixed table rather than ``mimetypes``, whose answers depend on the host's mime.types.
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".heic": "image/heic",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".json": "application/json",
    ".xml": "application/xml",
    ".html": "text/html",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"


def content_type_for(name: str) -> str:
    return CONTENT_TYPES.get(PurePath(name).suffix.lower(), DEFAULT_CONTENT_TYPE)


def looks_like_loa(name: str, description: str) -> bool:
    """Whether a document is a Letter of Authorization, which sets the order's LOA fields."""
    text = f" {name} {description} ".lower().replace("_", " ").replace("-", " ").replace(".", " ")
    return " loa " in text or "letter of authorization" in text


def add_note(
    lifecycle: Lifecycle, order: OrderRecord, body: Any, author: str, now: datetime
) -> NoteRecord:
    checks = Checks()
    text = checks.string(
        require_object(body), "note", "note", required=True, max_length=MAX_NOTE_LENGTH
    )
    checks.raise_if_any()
    assert text is not None
    return lifecycle.add_note(order, text, author, now)


def add_document(
    lifecycle: Lifecycle, order: OrderRecord, body: Any, uploader: str, now: datetime
) -> DocumentRecord:
    fields = require_object(body)
    checks = Checks()
    name = checks.string(
        fields, "documentName", "documentName", required=True, max_length=MAX_DOCUMENT_NAME_LENGTH
    )
    description = checks.string(fields, "description", "description") or ""
    content = checks.string(fields, "fileContent", "fileContent", required=True)
    if content is not None:
        try:
            size = len(base64.b64decode(content, validate=True))
        except (binascii.Error, ValueError):
            checks.add("fileContent", "fileContent must be the file's bytes in base64")
        else:
            if size > MAX_DOCUMENT_BYTES:
                checks.add("fileContent", f"documents are limited to {MAX_DOCUMENT_BYTES} bytes")
    checks.raise_if_any()
    assert name is not None and content is not None
    document = DocumentRecord(
        id=lifecycle.store.new_document_id(),
        name=name,
        description=description,
        content=content,
        content_type=content_type_for(name),
    )
    order.documents.append(document)
    if looks_like_loa(name, description):
        order.loa_uploaded_by, order.loa_attachment_date = uploader, now
    style = lifecycle.store.wire_style
    lifecycle.events.emit(now, lambda: order_updated_event(order, style))
    return document


def find_document(order: OrderRecord, document_id: str) -> DocumentRecord:
    for document in order.documents:
        if document_id.isdigit() and document.id == int(document_id):
            return document
    raise not_found(f"Document {document_id} of order {order.id}")
