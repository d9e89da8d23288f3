"""Content history (django-reversion): what VersionAdmin does not record by itself."""

import reversion
from reversion.models import Version


def keep_unversioned(objects, comment):
    """Record each object that has no version yet as it is now, before it is first changed.

    Content made by the data migration has no version, so without this its original text
    could not be restored after its first edit in the admin.
    """
    objects = list(objects)
    if not objects:
        return
    versioned = set(
        Version.objects.get_for_model(type(objects[0])).values_list("object_id", flat=True)
    )
    unversioned = [obj for obj in objects if str(obj.pk) not in versioned]
    if unversioned:
        keep_current_versions(unversioned, user=None, comment=comment)


def keep_current_versions(objects, user, comment):
    """Record the objects as they are now, e.g. just before they are deleted, so that the
    admin's "Recover deleted" can bring them back.

    Must not run inside another revision block: reversion saves a revision when its block
    ends, and leaves out objects that no longer exist by then.
    """
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(str(comment))
        for obj in objects:
            reversion.add_to_revision(obj)
