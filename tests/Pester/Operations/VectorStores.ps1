# How to perform each vector store operation (API key), for Catalog.Tests.ps1: tool name -> scriptblock taking the
# test context. Each block runs the command once; the test then checks the method and path the emulator recorded.
$newDoc = {
    $path = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).txt"
    "refunds are accepted within 30 days`nshipping takes a week" | Set-Content -Path $path
    try { New-OpenAiFile -Path $path -Purpose assistants -Confirm:$false } finally { Remove-Item $path }
}
$newStore = { New-OpenAiVectorStore -Name "catalog-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false }
$newStoreWithFile = { $vs = & $newStore; & $newDoc | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Confirm:$false }.GetNewClosure()
$newBatch = { $vs = & $newStore; & $newDoc | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -Confirm:$false }.GetNewClosure()
@{
    list_all_openai_vector_stores             = { param($ctx) Get-OpenAiVectorStore -First 1 | Out-Null }
    get_single_openai_vector_store_by_id      = { param($ctx) & $newStore | Get-OpenAiVectorStore | Out-Null }.GetNewClosure()
    create_a_openai_vector_store              = { param($ctx) & $newStore | Out-Null }.GetNewClosure()
    update_a_openai_vector_store_by_id        = { param($ctx) & $newStore | Set-OpenAiVectorStore -Name renamed -Confirm:$false }.GetNewClosure()
    delete_a_openai_vector_store_by_id        = { param($ctx) & $newStore | Remove-OpenAiVectorStore -Confirm:$false }.GetNewClosure()
    list_all_openai_vector_store_files        = { param($ctx) & $newStore | Get-OpenAiVectorStoreFile | Out-Null }.GetNewClosure()
    get_single_openai_vector_store_file_by_id = { param($ctx) & $newStoreWithFile | Get-OpenAiVectorStoreFile | Out-Null }.GetNewClosure()
    create_a_openai_vector_store_file         = { param($ctx) & $newStoreWithFile | Out-Null }.GetNewClosure()
    delete_a_openai_vector_store_file_by_id   = { param($ctx) & $newStoreWithFile | Remove-OpenAiVectorStoreFile -Confirm:$false }.GetNewClosure()
    create_a_openai_vector_store_file_batch         = { param($ctx) & $newBatch | Out-Null }.GetNewClosure()
    get_single_openai_vector_store_file_batch_by_id = { param($ctx) & $newBatch | Get-OpenAiVectorStoreFileBatch | Out-Null }.GetNewClosure()
    openai_vector_store_file_batches_cancel         = { param($ctx) & $newBatch | Stop-OpenAiVectorStoreFileBatch -Confirm:$false }.GetNewClosure()
    list_all_openai_vector_store_file_batches       = { param($ctx) & $newBatch | Get-OpenAiVectorStoreFile | Out-Null }.GetNewClosure()
    list_all_openai_vector_store_file_content       = { param($ctx) & $newStoreWithFile | Get-OpenAiVectorStoreFileContent | Out-Null }.GetNewClosure()
    list_all_openai_vector_store_search       = { param($ctx) & $newStore | Search-OpenAiVectorStore -Query refund | Out-Null }.GetNewClosure()
}
