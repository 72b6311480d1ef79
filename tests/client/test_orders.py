"""Every order operation sends the documented method, URL, query and body, and returns models."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime

import pytest

from porting_tui.client import (
    DocumentContent,
    NoteCreated,
    Order,
    OrderDocument,
    OrderStatus,
    PortingValidationError,
    PortOutInfo,
)
from tests.client.fake_api import FakeApi, body_of, make_client
from tests.client.samples import PIN, new_order, order_json, page_json


async def test_get_reads_the_order_at_its_url() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/897867", order_json())
    async with make_client(api) as client:
        order = await client.orders.get(897867)
    (request,) = api.requests
    assert request.method == "GET"
    assert str(request.url) == "https://porting.test/v1/projects/proj-1/orders/portIns/897867"
    assert isinstance(order, Order)
    assert order.id == 897867
    assert order.status == OrderStatus.PENDING
    assert order.desired_port_schedule.desired_port_date == date(2025, 1, 31)
    assert order.phone_numbers[0].phone_number == "+12025550123"
    assert order.phone_numbers[0].foc_date == datetime(2024, 10, 1, 14, tzinfo=UTC)
    assert order.notes[0].created_by == "Sinch"
    assert order.documents[0].document_name == "loa.pdf"
    assert order.created_date == date(2024, 9, 24)


async def test_get_accepts_the_order_id_as_digits_text() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/42", order_json(42))
    async with make_client(api) as client:
        assert (await client.orders.get("42")).id == 42


@pytest.mark.parametrize("bad_id", ["../configuration", "12a", "", -1, True])
async def test_an_order_id_that_is_not_digits_is_refused_before_sending(bad_id: object) -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.orders.get(bad_id)  # type: ignore[arg-type]
    assert api.requests == []


async def test_list_page_without_page_sends_no_page_parameter() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns", page_json([1, 2], page=1, total_pages=3))
    async with make_client(api) as client:
        page = await client.orders.list_page()
    assert dict(api.requests[0].url.params) == {}
    assert [o.id for o in page.orders] == [1, 2]
    assert (page.page, page.page_size, page.total_pages, page.total_items) == (1, 2, 3, 6)
    assert page.orders[0].phone_number_quantity == 3
    assert page.orders[0].rejected_quantity == 1


async def test_list_page_sends_every_filter_with_its_api_name_and_format() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns", page_json([7], page=2, total_pages=2))
    async with make_client(api) as client:
        await client.orders.list_page(
            page=2,
            page_size=50,
            order_id=7,
            status=OrderStatus.CONFIRMED,
            customer_order_reference="ref-7",
            created_start=date(2024, 9, 1),
            created_end=date(2024, 9, 30),
            phone_number="+12025550123",
            foc_start=datetime(2024, 10, 1, 8, 30, tzinfo=UTC),
            foc_end="2024-10-31T12:00:00+02:00",
        )
    assert dict(api.requests[0].url.params) == {
        "page": "2",
        "pageSize": "50",
        "orderId": "7",
        "orderStatus": "CONFIRMED",
        "customerOrderReference": "ref-7",
        "createdDateStart": "2024-09-01T00:00:00Z",
        "createdDateEnd": "2024-09-30T23:59:59Z",
        "phoneNumber": "+12025550123",
        "focStartDate": "2024-10-01T08:30:00Z",
        "focEndDate": "2024-10-31T10:00:00Z",
    }


async def test_list_filters_are_documented_query_parameters() -> None:
    from tests.contract.validator import query_parameters

    api = FakeApi()
    api.add("GET", "/orders/portIns", page_json([7], page=1, total_pages=1))
    async with make_client(api) as client:
        await client.orders.list_page(
            page="1", page_size=10, order_id="7", status="PENDING",
            customer_order_reference="r", created_start="2024-09-01", created_end="2024-09-02",
            phone_number="+12025550123", foc_start="2024-09-01", foc_end="2024-09-02",
        )  # fmt: skip
    documented = query_parameters("GET", "/orders/portIns")
    assert set(api.requests[0].url.params) == set(documented)


async def test_a_naive_datetime_filter_is_taken_as_utc() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns", page_json([], page=1, total_pages=1))
    async with make_client(api) as client:
        await client.orders.list_page(created_start=datetime(2024, 9, 1, 12, 0, 5))
    assert api.requests[0].url.params["createdDateStart"] == "2024-09-01T12:00:05Z"


@pytest.mark.parametrize(
    "filters",
    [{"created_start": "yesterday"}, {"page_size": 0}, {"page_size": 1001}, {"order_id": "x"}],
)
async def test_bad_list_filters_are_refused_before_sending(filters: dict[str, object]) -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.orders.list_page(**filters)  # type: ignore[arg-type]
        with pytest.raises(PortingValidationError):
            client.orders.list(**filters)  # type: ignore[arg-type]
    assert api.requests == []


async def test_create_posts_the_new_order_and_returns_the_created_one() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns", order_json(1001), status=201)
    async with make_client(api) as client:
        order = await client.orders.create(new_order("+12025550123", "+13125550199"))
    (request,) = api.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/projects/proj-1/orders/portIns"
    assert request.headers["Content-Type"] == "application/json"
    sent = body_of(request)
    assert sent["desiredPortSchedule"] == {
        "desiredPortDate": "2025-01-31",
        "desiredPortTime": "10:00:00",
        "desiredPortTimeZone": "US/Eastern",
    }
    assert [n["phoneNumber"] for n in sent["phoneNumbers"]] == ["+12025550123", "+13125550199"]
    assert sent["phoneNumbers"][0]["voiceConfiguration"] == {"type": "EST", "trunkId": "trunk-1"}
    assert sent["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] == PIN
    assert order.id == 1001


async def test_create_sends_an_empty_port_out_info_when_none_was_given() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns", order_json(1001), status=201)
    api.add("PUT", "/orders/portIns/1001", order_json(1001))
    order = new_order()
    order.phone_numbers[0].port_out_info = PortOutInfo()
    server_order = order_json(1001)
    del server_order["phoneNumbers"][0]["portOutInfo"]
    async with make_client(api) as client:
        await client.orders.create(order)
        await client.orders.update(1001, Order.model_validate(server_order))
    assert body_of(api.requests[0])["phoneNumbers"][0]["portOutInfo"] == {}
    assert body_of(api.requests[1])["phoneNumbers"][0]["portOutInfo"] == {}


async def test_create_refuses_an_invalid_order_before_any_io() -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError) as caught:
            await client.orders.create(new_order("+1202555012"))
    assert api.requests == []
    assert caught.value.field_violations[0].field == "phoneNumbers[0].phoneNumber"


async def test_update_puts_the_full_order_without_read_only_fields() -> None:
    api = FakeApi()
    api.add("PUT", "/orders/portIns/897867", order_json())
    order = Order.model_validate(order_json())
    async with make_client(api) as client:
        result = await client.orders.update(897867, order)
    sent = body_of(api.requests[0])
    assert api.requests[0].method == "PUT"
    for key in ("id", "status", "notes", "documents", "createdDate"):
        assert key not in sent
    number = sent["phoneNumbers"][0]
    for key in ("status", "countryCode", "confirmedDate", "focDate", "phoneNumberGroup",
                "excludedFeatures", "rejectReason", "exclusionReason", "activateUser"):  # fmt: skip
        assert key not in number
    assert "enhCity" not in number["features"]["e911"]
    assert number["features"]["e911"]["city"] == "Springfield"
    assert number["endUser"]["locationType1"] == "Suite"
    assert sent["loaAttachmentDate"] == "2024-09-24T12:00:00Z"
    assert isinstance(result, Order)


async def test_update_accepts_a_new_order_as_the_replacement() -> None:
    api = FakeApi()
    api.add("PUT", "/orders/portIns/5", order_json(5))
    async with make_client(api) as client:
        await client.orders.update("5", new_order())
    assert body_of(api.requests[0])["customerOrderReference"] == "ref-42"


async def test_edit_keeps_every_field_the_change_did_not_touch() -> None:
    api = FakeApi()
    server_order = order_json(serverOnlyHint={"color": "blue"})
    server_order["phoneNumbers"][0]["carrierTicket"] = "T-77"
    api.add("GET", "/orders/portIns/897867", server_order)
    api.add("PUT", "/orders/portIns/897867", order_json(customerOrderReference="new-ref"))

    def rename(order: Order) -> None:
        order.customer_order_reference = "new-ref"

    async with make_client(api) as client:
        result = await client.orders.edit(897867, rename)
    assert [r.method for r in api.requests] == ["GET", "PUT"]
    sent = body_of(api.requests[1])
    assert sent["customerOrderReference"] == "new-ref"
    assert sent["onDemandActivation"] is True
    assert sent["loaUploadedBy"] == "Ann Smith"
    assert sent["desiredPortSchedule"]["desiredPortTimeZone"] == "US/Eastern"
    assert sent["serverOnlyHint"] == {"color": "blue"}
    assert sent["phoneNumbers"][0]["carrierTicket"] == "T-77"
    assert (
        sent["phoneNumbers"][0]["portOutInfo"]["accountNum"]
        == server_order["phoneNumbers"][0]["portOutInfo"]["accountNum"]
    )
    assert sent["phoneNumbers"][0]["smsConfiguration"] == {"smsAppId": "sms-app-1"}
    assert "status" not in sent and "notes" not in sent
    assert result.customer_order_reference == "new-ref"


async def test_edit_may_return_a_replacement_order_and_never_mutates_the_fetched_one() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/897867", order_json())
    api.add("PUT", "/orders/portIns/897867", order_json())
    seen: list[Order] = []

    def drop_second_number(order: Order) -> Order:
        seen.append(order)
        return order.model_copy(update={"phone_numbers": order.phone_numbers[:1]})

    async with make_client(api) as client:
        await client.orders.edit(897867, drop_second_number)
    assert len(body_of(api.requests[1])["phoneNumbers"]) == 1
    assert len(seen[0].phone_numbers) == 2


async def test_edit_that_breaks_the_order_sends_no_put() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/897867", order_json())

    def break_it(order: Order) -> None:
        order.phone_numbers[0].end_user.name = ""

    async with make_client(api) as client:
        with pytest.raises(PortingValidationError) as caught:
            await client.orders.edit(897867, break_it)
    assert [r.method for r in api.requests] == ["GET"]
    assert caught.value.field_violations[0].field == "phoneNumbers[0].endUser.name"


async def test_cancel_deletes_the_order() -> None:
    api = FakeApi()
    api.add("DELETE", "/orders/portIns/897867")
    async with make_client(api) as client:
        assert await client.orders.cancel(897867) is None
    assert api.requests[0].method == "DELETE"
    assert api.requests[0].content == b""


async def test_add_note_posts_the_text() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns/897867/notes", {"id": 3, "note": "Bill attached"})
    async with make_client(api) as client:
        created = await client.orders.add_note(897867, "Bill attached")
    assert body_of(api.requests[0]) == {"note": "Bill attached"}
    assert created == NoteCreated(id=3, note="Bill attached")


async def test_an_empty_note_is_refused_before_sending() -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.orders.add_note(897867, "   ")
    assert api.requests == []


async def test_upload_document_sends_base64_content() -> None:
    api = FakeApi()
    api.add(
        "POST",
        "/orders/portIns/897867/documents",
        {"id": 13, "documentName": "bill.pdf", "description": "Bill"},
    )
    content = b"%PDF-1.4\x00\xffbinary"
    async with make_client(api) as client:
        document = await client.orders.upload_document(897867, "bill.pdf", content, "Bill")
    sent = body_of(api.requests[0])
    assert sent == {
        "documentName": "bill.pdf",
        "description": "Bill",
        "fileContent": base64.b64encode(content).decode(),
    }
    assert document == OrderDocument(id=13, document_name="bill.pdf", description="Bill")


async def test_upload_document_refuses_text_content_and_empty_names() -> None:
    api = FakeApi()
    async with make_client(api) as client:
        with pytest.raises(PortingValidationError):
            await client.orders.upload_document(1, "a.pdf", "text")  # type: ignore[arg-type]
        with pytest.raises(PortingValidationError):
            await client.orders.upload_document(1, "", b"x")
    assert api.requests == []


async def test_get_document_uses_the_documented_path_and_decodes_the_bytes() -> None:
    api = FakeApi()
    content = b"\x00\x01LOA bytes\xff"
    api.add(
        "GET",
        "/orders/897867/documents/12",
        {
            "documentId": 12,
            "id": 12,
            "documentName": "loa.pdf",
            "description": "LOA",
            "fileContent": base64.b64encode(content).decode(),
            "contentType": "application/pdf",
        },
    )
    async with make_client(api) as client:
        document = await client.orders.get_document(897867, "12")
    assert api.requests[0].url.path == "/v1/projects/proj-1/orders/897867/documents/12"
    assert isinstance(document, DocumentContent)
    assert document.content == content
    assert (document.id, document.document_name, document.content_type) == (
        12,
        "loa.pdf",
        "application/pdf",
    )
    assert "LOA bytes" not in repr(document)
