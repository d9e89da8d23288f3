"""manage.py backup dump [FILE] | restore FILE: see core.backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from core import backup


class Command(BaseCommand):
    help = (
        "dump [FILE]: write a backup of the database (default: var/backups/…); "
        "restore FILE: replace the database's contents with a backup."
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
                self.stdout.write(f"Backup written to {path}")
            else:
                backup.restore(settings_dict, file)
                self.stdout.write(f"Database restored from {file}; now run: manage.py migrate")
        except backup.BackupError as error:
            raise CommandError(f"{action}: {error}") from error
