using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace LtvTools.Module.Tests;

/// <summary>
/// A host whose console is a string: Out-Default renders objects through the module's format views into
/// <see cref="Text"/>, as a terminal would show them. It never prompts.
/// </summary>
internal sealed class TextHost : PSHost
{
    private readonly TextHostUI _ui;

    /// <summary>A console <paramref name="width"/> columns wide (Out-Default fits tables to it, as pwsh does).</summary>
    public TextHost(int width = 120)
    {
        _ui = new TextHostUI(width);
    }

    public string Text => _ui.Buffer.ToString();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "LtvTools.Module.Tests";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class TextHostUI(int width) : PSHostUserInterface
    {
        public StringBuilder Buffer { get; } = new();

        public override PSHostRawUserInterface RawUI { get; } = new TextRawUI(width);

        public override void Write(string value) => Buffer.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Buffer.Append(value);

        public override void WriteLine(string value) => Buffer.Append(value).Append('\n');

        public override void WriteErrorLine(string value) => Buffer.Append("ERROR: ").Append(value).Append('\n');

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message) => Buffer.Append("WARNING: ").Append(message).Append('\n');

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

        public override string ReadLine() => throw new NotSupportedException();

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
    }

    private sealed class TextRawUI(int width) : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Size BufferSize { get; set; } = new(width, 3000);

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => new(width, 50);

        public override Size MaxWindowSize => new(width, 50);

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; } = new(width, 50);

        public override string WindowTitle { get; set; } = string.Empty;

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
    }
}
