namespace TrutoOpenAi.PowerShell { internal static class Placeholder { } }
