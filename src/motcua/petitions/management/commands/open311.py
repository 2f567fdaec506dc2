"""`motcua open311 key create NAME`: issue an Open311 api_key (printed on the last line)."""

from django.core.management.base import BaseCommand, CommandError

from motcua.petitions.domain.lifecycle import PetitionError
from motcua.petitions.services import open311_key_create


class Command(BaseCommand):
    help = "Quản lý khóa API Open311: `open311 key create TÊN` tạo khóa mới."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["key"])
        parser.add_argument("verb", choices=["create"])
        parser.add_argument("name")

    def handle(self, *args, what, verb, name, **options):
        try:
            row, key = open311_key_create(name=name)
        except PetitionError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"Đã tạo khóa API Open311 cho “{row.name}” (chỉ hiển thị một lần):")
        self.stdout.write(key)
