; NSIS installer for Roadmap Planner (Дорожные карты) on Windows.
; Build: makensis -DVERSION=0.1.0 -DBINARY=..\..\target\x86_64-pc-windows-gnu\release\roadmap-planner.exe
;        -DOUTDIR=..\..\target\dist packaging\windows\installer.nsi
; (packaging/build-windows.sh and .github/workflows/packages.yml pass these.)
; Installs per machine into Program Files, with Start menu and desktop shortcuts and an uninstaller.

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BINARY
  !define BINARY "..\..\target\release\roadmap-planner.exe"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\target\dist"
!endif

!define APPNAME "Дорожные карты"
!define APPID "roadmap-planner"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

!include "MUI2.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTDIR}\roadmap-planner-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\Roadmap Planner"
InstallDirRegKey HKLM "Software\${APPID}" "InstallDir"
RequestExecutionLevel admin

!define MUI_ICON "roadmap-planner.ico"
!define MUI_UNICON "roadmap-planner.ico"
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  SetOutPath "$INSTDIR"
  File "/oname=roadmap-planner.exe" "${BINARY}"
  File "roadmap-planner.ico"
  File "/oname=LICENSE.txt" "..\..\LICENSE"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\roadmap-planner.exe" "" "$INSTDIR\roadmap-planner.ico"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Удалить.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\roadmap-planner.exe" "" "$INSTDIR\roadmap-planner.ico"

  WriteRegStr HKLM "Software\${APPID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME} (Roadmap Planner)"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "Roadmap Planner developers"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\roadmap-planner.ico"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The user's data (%APPDATA%\roadmap-planner) is left in place on uninstall.
Section "Uninstall"
  Delete "$INSTDIR\roadmap-planner.exe"
  Delete "$INSTDIR\roadmap-planner.ico"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\Удалить.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "Software\${APPID}"
SectionEnd
