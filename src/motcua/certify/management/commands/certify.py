"""`motcua certify copy IN OUT --unit CODE`, `motcua certify verify FILE`, `motcua certify
ca-cert`: batch certification and verification from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.certify import keys, services
from motcua.certify.pdf import CertifyError
from motcua.certify.verification import verdict_for
from motcua.org.models import OrgUnit


class Command(BaseCommand):
    help = "Chứng thực bản sao điện tử, kiểm tra bản sao, in chứng thư CA thử nghiệm."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        copy = sub.add_parser("copy", help="Chứng thực bản sao điện tử từ tệp bản chính.")
        copy.add_argument("source", help="Tệp bản chính (PDF, JPEG, PNG)")
        copy.add_argument("output", help="Tệp PDF bản sao đã ký số")
        copy.add_argument("--unit", required=True, help="Mã đơn vị chứng thực")
        copy.add_argument("--title", default="", help="Tên giấy tờ (mặc định: tên tệp)")
        verify = sub.add_parser("verify", help="Kiểm tra bản sao điện tử hoặc kết quả đã ký.")
        verify.add_argument("file")
        sub.add_parser("ca-cert", help="In chứng thư của CA thử nghiệm (PEM).")

    def handle(self, *args, action, **options):
        return getattr(self, "_" + action.replace("-", "_"))(**options)

    def _copy(self, *, source, output, unit, title, **_):
        unit_obj = OrgUnit.objects.filter(code=unit).first()
        if unit_obj is None:
            raise CommandError(f"Không có đơn vị mã “{unit}”.")
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise CommandError(f"Không đọc được tệp {source}: {e.strerror}") from e
        try:
            doc = services.certified_copy_create(
                unit=unit_obj,
                source=data,
                source_name=path.name,
                title=title or path.stem,
                compared_with_original=True,
            )
        except CertifyError as e:
            raise CommandError(str(e)) from e
        with doc.file.open("rb") as f:
            Path(output).write_bytes(f.read())
        self.stdout.write(
            f"Đã chứng thực: số {doc.register_no}, {doc.pages} trang, phí {doc.fee} đồng; "
            f"kiểm tra tại {services.verify_url(doc.token)}"
        )

    def _verify(self, *, file, **_):
        try:
            data = Path(file).read_bytes()
        except OSError as e:
            raise CommandError(f"Không đọc được tệp {file}: {e.strerror}") from e
        verdict = verdict_for(data=data)
        if not verdict.authentic:
            raise CommandError(f"KHÔNG XÁC THỰC: {verdict.reason}", returncode=1)
        d = verdict.document
        self.stdout.write(
            f"XÁC THỰC: {verdict.reason} {d.get_kind_display()} "
            f"{d.register_no or d.title} — {d.unit.name}, ký lúc {services.when_vi(d.signed_at)}."
        )

    def _ca_cert(self, **_):
        if not keys.test_ca_in_use():
            raise CommandError("Hệ thống đang dùng chứng thư thật, không có CA thử nghiệm.")
        self.stdout.write(keys.test_ca_cert_pem(), ending="")
