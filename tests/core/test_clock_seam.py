"""The system's clock seam (`motcua.core.clock`): a fake clock injected for a block is what
`now()` and each request's `request.now` read, and the system clock is back after it."""

from django.http import HttpResponse
from django.test import RequestFactory

from motcua.core import clock
from motcua.core.middleware import ClockMiddleware
from tests.support.clock import FakeClock, clock_at, vn


def test_use_installs_a_clock_for_the_block_only():
    assert isinstance(clock.current(), clock.SystemClock)
    with clock_at(vn(4, 9)):
        assert clock.now() == vn(4, 9)
        with clock.use(FakeClock(vn(5, 9))):
            assert clock.now() == vn(5, 9)
        assert clock.now() == vn(4, 9)
    assert isinstance(clock.current(), clock.SystemClock)


def test_the_middleware_gives_the_request_one_instant(fake_clock):
    seen = {}

    def view(request):
        seen["now"] = request.now
        fake_clock.advance(hours=1)  # time passing during the request changes nothing
        seen["again"] = request.now
        seen["clock"] = request.clock
        return HttpResponse()

    ClockMiddleware(view)(RequestFactory().get("/"))
    assert seen["now"] == seen["again"] == vn(3, 10)
    assert seen["clock"] is fake_clock
    assert clock.now() == vn(3, 11)
