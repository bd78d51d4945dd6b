; Inno Setup 6 script for Tabayun: a per-user install (no administrator rights needed).
; packaging/build.py runs it after PyInstaller, e.g.
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\tabayun /DIconFile=build\icons\tabayun.ico
;        /DOutputDir=dist packaging\windows\tabayun.iss
; and writes dist\Tabayun-Setup-<version>.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z ...
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\tabayun"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\tabayun.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Tabayun"
#define AppExe "tabayun.exe"

[Setup]
; a fixed AppId keeps upgrades and the uninstaller entry together across versions
AppId={{6E0F6B1C-3D1A-4B7E-9C55-7A2B9D3E4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tabayun developers
AppComments=Offline reader and comparer of Arabic news coverage
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Tabayun-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[CustomMessages]
english.DeleteUserData=Also delete your Tabayun database and settings?%n%n%1%n%nChoose No to keep them for a later installation.
arabic.DeleteUserData=هل تريد حذف قاعدة بيانات تباين وإعداداته أيضًا؟%n%n%1%n%nاختر «لا» للاحتفاظ بها لتثبيت لاحق.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; files PyInstaller's bootloader or Python may leave behind in the program folder
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
{ The database lives in %LOCALAPPDATA%\Tabayun (platformdirs' user data folder) and the
  settings in %APPDATA%\Tabayun (QSettings, INI format). Keep both unless the user says yes;
  silent uninstalls always keep them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir, SettingsDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Tabayun');
    SettingsDir := ExpandConstant('{userappdata}\Tabayun');
    if (DirExists(DataDir) or DirExists(SettingsDir)) and not UninstallSilent() then
    begin
      if MsgBox(FmtMessage(CustomMessage('DeleteUserData'), [DataDir]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        DelTree(DataDir, True, True, True);
        DelTree(SettingsDir, True, True, True);
      end;
    end;
  end;
end;
