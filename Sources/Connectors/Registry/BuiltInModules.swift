import Pipelines

extension ModuleRegistry {
    /// Every module of this release: file extractors and loaders, and the transforms.
    public static let builtIn = ModuleRegistry([
        CSVExtractorModule(), JSONExtractorModule(lines: true), JSONExtractorModule(lines: false),
        CleanerModule(), FilterModule(), MapModule(), AggregateModule(), JoinModule(), UnionModule(), SortModule(), LimitModule(),
        FileLoaderModule(csv: true), FileLoaderModule(csv: false),
    ])
}
