"""The saved voice profile, seen from the page: forgetting it. (Saving it is "This is me" on a session.)"""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse

from ...errors import CoachError
from ...profile import forget
from ..deps import Settings, get_settings

router = APIRouter()


@router.post("/voice/forget", name="forget_voice")
async def forget_voice(request: Request, settings: Settings = Depends(get_settings)) -> RedirectResponse:
    try:
        forget(settings.data_dir)
    except CoachError as e:
        raise HTTPException(500, str(e)) from e
    return RedirectResponse(f"{request.url_for('new_session')}?voice=forgotten#voice-h", status_code=303)
