"""manage.py backup dump [FILE] | restore FILE: see core.backup."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from core import backup


class Command(BaseCommand):
    help = (
        "dump [FILE]: write a backup of the database (default: var/backups/…) and, beside it, "
        "of the uploaded files (FILE.media.tar); restore FILE: replace the database's contents "
        "with a backup, and the uploaded files with those beside it."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        dump = actions.add_parser("dump", help="write a backup of the database")
        dump.add_argument("file", nargs="?", type=Path, help="default: var/backups/…")
        restore = actions.add_parser("restore", help="replace the database with a backup")
        restore.add_argument("file", type=Path)

    def handle(self, *args, action, file, **options):
        settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
        try:
            if action == "dump":
                path = backup.dump(settings_dict, file or backup.default_backup_path(settings_dict))
                media = backup.dump_media(default_storage, backup.media_backup_path(path))
                self.stdout.write(f"Backup written to {path}, uploaded files to {media}")
            else:
                backup.restore(settings_dict, file)
                self.stdout.write(f"Database restored from {file}; now run: manage.py migrate")
                self.restore_media(backup.media_backup_path(file))
        except backup.BackupError as error:
            raise CommandError(f"{action}: {error}") from error

    def restore_media(self, path):
        if not path.exists():
            self.stdout.write(f"No {path} beside it: the uploaded files were left as they are.")
            return
        count = backup.restore_media(default_storage, path)
        self.stdout.write(f"{count} uploaded files restored from {path}")
