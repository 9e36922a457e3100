namespace TrutoOpenAi.Core { internal static class Placeholder { } }
